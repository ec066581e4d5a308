package school.evidence.kernel.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a monitoring activity found. Recorded once and replaced whole by each amendment, so every version stays
 * readable in the ledger.
 *
 * @param occurredOn          the date it happened, in the school's calendar (not when it was recorded)
 * @param lead                who led it (a role or initials, e.g. DHT)
 * @param focus               subject, year groups and pupil groups looked at
 * @param actionIds           the plan actions it is evidence for
 * @param evidenceReferences  where the evidence is kept (file names, book samples, photos)
 * @param nextSteps           agreed next steps; ids are given by the ledger when recorded
 * @param nextStepChecks      next steps from earlier monitoring that this activity checked
 * @param confidential        developmental notes about a named teacher: later restricted to senior leaders
 * @param specifics           the fields of this kind of monitoring
 */
public record MonitoringDetails(LocalDate occurredOn, String lead, Focus focus, List<String> strengths,
                                List<String> areasForDevelopment, List<String> actionIds,
                                List<String> evidenceReferences, List<NextStep> nextSteps,
                                List<NextStepCheck> nextStepChecks, boolean confidential, Specifics specifics) {

    public MonitoringDetails {
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        areasForDevelopment = areasForDevelopment == null ? List.of() : List.copyOf(areasForDevelopment);
        actionIds = actionIds == null ? List.of() : List.copyOf(actionIds);
        evidenceReferences = evidenceReferences == null ? List.of() : List.copyOf(evidenceReferences);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        nextStepChecks = nextStepChecks == null ? List.of() : List.copyOf(nextStepChecks);
        specifics = specifics == null ? Specifics.NONE : specifics;
    }

    /** The findings of the first slice of the product: no next steps, nothing type-specific. */
    public MonitoringDetails(LocalDate occurredOn, String lead, Focus focus, List<String> strengths,
                             List<String> areasForDevelopment, List<String> actionIds) {
        this(occurredOn, lead, focus, strengths, areasForDevelopment, actionIds, List.of(), List.of(), List.of(),
             false, Specifics.NONE);
    }

    public MonitoringDetails withNextSteps(List<NextStep> steps) {
        return new MonitoringDetails(occurredOn, lead, focus, strengths, areasForDevelopment, actionIds,
                                     evidenceReferences, steps, nextStepChecks, confidential, specifics);
    }

    public record Focus(String subject, List<String> yearGroups, Set<PupilGroup> pupilGroups) {
        public Focus {
            yearGroups = yearGroups == null ? List.of() : List.copyOf(yearGroups);
            pupilGroups = pupilGroups == null ? Set.of() : Set.copyOf(pupilGroups);
        }

        public Focus(String subject, List<String> yearGroups) {
            this(subject, yearGroups, Set.of());
        }
    }

    /** @param stepId null when proposed; the activity gives it an id ({@code <activityId>-ns<n>}) when recorded */
    public record NextStep(String stepId, String text, String owner, LocalDate dueOn) {
    }

    public enum CheckOutcome { ACTED_UPON, PARTLY_ACTED_UPON, NOT_ACTED_UPON }

    /** "Actions from previous monitoring acted upon and impact noted." */
    public record NextStepCheck(String nextStepId, CheckOutcome outcome, String impact) {
    }
}
