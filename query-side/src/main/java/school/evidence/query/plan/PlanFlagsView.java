package school.evidence.query.plan;

import school.evidence.query.monitoring.NextStepView;

import java.util.List;

/**
 * What needs a leader's attention on a day: criteria whose half-term ended without a RAG for it, actions without
 * monitoring evidence for more than {@code staleAfterSchoolWeeks} school weeks, overdue next steps, and the
 * milestones due in the half-term of that day (or the next one, in a holiday), earliest first.
 */
public record PlanFlagsView(String planId, String on, int staleAfterSchoolWeeks, List<UnjudgedCriterion> unjudgedCriteria,
                            List<StaleAction> staleActions, List<NextStepView> overdueNextSteps,
                            List<MilestoneDue> milestonesDue) {

    public record MilestoneDue(String actionId, String actionNumber, String actionTitle, String title, String dueOn,
                               String halfTerm) {
    }

    public record UnjudgedCriterion(String actionId, String actionNumber, String criterionId, String text,
                                    String halfTerm, String halfTermEnded) {
    }

    /** {@code lastEvidenceOn} is null when the action has never had evidence. */
    public record StaleAction(String actionId, String number, String title, String lastEvidenceOn,
                              double schoolWeeksWithoutEvidence) {
    }
}
