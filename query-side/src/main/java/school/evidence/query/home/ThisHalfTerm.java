package school.evidence.query.home;

import school.evidence.kernel.plan.HalfTerm;
import school.evidence.query.plan.PlanView;
import school.evidence.query.plan.ScheduleView;

import java.util.List;

/**
 * What the home page lists for the half-term we are in: success criteria due now and not yet judged for it, actions
 * with no RAG for it yet, and monitoring planned for it and not done. Read from the plan and schedule views as they
 * are; nothing here decides anything.
 */
record ThisHalfTerm(HalfTerm halfTerm, List<Due> criteriaDue, List<PlanView.Action> notJudged,
                    List<ScheduleView.Item> plannedNotDone) {

    /** A criterion due now, with the action it belongs to. */
    record Due(PlanView.Action action, PlanView.Criterion criterion) {
    }

    static ThisHalfTerm of(HalfTerm now, PlanView plan, ScheduleView schedule) {
        if (now == null || plan == null) {
            return null;
        }
        List<PlanView.Action> live = plan.actions().stream().filter(a -> !a.withdrawn()).toList();
        List<Due> due = live.stream().flatMap(a -> a.criteria().stream()
                .filter(c -> !c.withdrawn() && c.halfTerms().contains(now.name())
                        && (c.ragByHalfTerm() == null || !c.ragByHalfTerm().containsKey(now.name())))
                .map(c -> new Due(a, c))).toList();
        List<PlanView.Action> notJudged = live.stream().filter(a -> a.ragJudgement() == null
                || !now.name().equals(a.ragJudgement().halfTerm())).toList();
        List<ScheduleView.Item> planned = schedule == null ? List.of() : schedule.items().stream()
                .filter(i -> now.name().equals(i.halfTerm()))
                .filter(i -> i.status().equals("PLANNED") || i.status().equals("OVERDUE")).toList();
        return new ThisHalfTerm(now, due, notJudged, planned);
    }
}
