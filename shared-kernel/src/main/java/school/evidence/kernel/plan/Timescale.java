package school.evidence.kernel.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * When an action runs, as plans state it: from a start, to an end date or "ongoing", over as many years as it takes,
 * with milestones (dated checkpoints, each with what should be true by then). Half-terms stay on the success criteria.
 *
 * @param startsOn   when the action starts, or null if the plan does not say
 * @param endsOn     when it should be done; null with {@code ongoing}, or when the plan does not say
 * @param ongoing    runs with no end (e.g. "ongoing, reviewed termly")
 * @param milestones dated checkpoints inside the action's span
 */
public record Timescale(LocalDate startsOn, LocalDate endsOn, Boolean ongoing, List<Milestone> milestones) {

    public Timescale {
        ongoing = Boolean.TRUE.equals(ongoing); // may be left out: not ongoing
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** A dated checkpoint: what should be true by then ({@code criteria}: how the plan will know). */
    public record Milestone(LocalDate dueOn, String title, List<String> criteria) {
        public Milestone {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }
    }
}
