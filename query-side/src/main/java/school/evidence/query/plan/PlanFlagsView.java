package school.evidence.query.plan;

import school.evidence.query.monitoring.NextStepView;

import java.util.List;

/**
 * What needs a leader's attention on a day: criteria whose half-term ended without a RAG for it, actions without
 * monitoring evidence for more than {@code staleAfterSchoolWeeks} school weeks, and overdue next steps.
 */
public record PlanFlagsView(String planId, String on, int staleAfterSchoolWeeks, List<UnjudgedCriterion> unjudgedCriteria,
                            List<StaleAction> staleActions, List<NextStepView> overdueNextSteps) {

    public record UnjudgedCriterion(String actionId, String actionNumber, String criterionId, String text,
                                    String halfTerm, String halfTermEnded) {
    }

    /** {@code lastEvidenceOn} is null when the action has never had evidence. */
    public record StaleAction(String actionId, String number, String title, String lastEvidenceOn,
                              double schoolWeeksWithoutEvidence) {
    }
}
