package school.evidence.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.Set;

/** Commands on a school's improvement plan. */
public final class PlanCommands {
    private PlanCommands() {
    }

    public record CreateImprovementPlan(@TargetAggregateIdentifier String planId, String schoolUrn,
                                        String academicYear, String title) {
    }

    public record AddPriority(@TargetAggregateIdentifier String planId, String code, String statement,
                              Set<HalfTerm> dueBy) {
    }

    public record RevisePriority(@TargetAggregateIdentifier String planId, String code, String statement,
                                 Set<HalfTerm> dueBy, String reason) {
    }

    public record WithdrawPriority(@TargetAggregateIdentifier String planId, String code, String reason) {
    }

    /** The school's priority feeds a priority of its trust's plan ({@code trustPriority}, e.g. T1). */
    public record LinkPriorityToTrust(@TargetAggregateIdentifier String planId, String code, String trustPlanId,
                                      String trustPriority) {
    }

    public record AddSection(@TargetAggregateIdentifier String planId, String sectionId, SectionDetails details) {
    }

    public record AddSubjectPlan(@TargetAggregateIdentifier String planId, String subjectPlanId,
                                 SubjectPlanDetails details) {
    }

    /** An action of a subject plan; unlike {@link AddAction} it cannot land in one of the school plan's sections. */
    public record AddSubjectAction(@TargetAggregateIdentifier String planId, String subjectPlanId, String actionId,
                                   String number, ActionDetails details) {
    }

    public record AddAction(@TargetAggregateIdentifier String planId, String actionId, String sectionId,
                            String number, ActionDetails details) {
    }

    public record ReviseAction(@TargetAggregateIdentifier String planId, String actionId, ActionDetails details,
                               String reason) {
    }

    public record WithdrawAction(@TargetAggregateIdentifier String planId, String actionId, String reason) {
    }

    /** Brings an unfinished action of last year's plan into this plan, linked to where it came from. */
    public record CarryForwardAction(@TargetAggregateIdentifier String planId, String actionId, String sectionId,
                                     String number, String fromPlanId, String fromActionId) {
    }

    public record AddSuccessCriterion(@TargetAggregateIdentifier String planId, String actionId,
                                      String criterionId, String text, Set<HalfTerm> halfTerms) {
    }

    public record ReviseSuccessCriterion(@TargetAggregateIdentifier String planId, String actionId,
                                         String criterionId, String text, Set<HalfTerm> halfTerms, String reason) {
    }

    public record WithdrawSuccessCriterion(@TargetAggregateIdentifier String planId, String actionId,
                                           String criterionId, String reason) {
    }

    /**
     * A leader's RAG judgement of one action. {@code expectedVersion} (from If-Match) makes it conditional on the
     * plan being unchanged since the leader read it; null means unconditional.
     */
    public record JudgeActionRag(@TargetAggregateIdentifier String planId, String actionId, HalfTerm halfTerm,
                                 Rag status, String rationale, List<String> evidence, String judgedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    /** A RAG judgement of one success criterion, conditional like {@link JudgeActionRag}. */
    public record JudgeCriterionRag(@TargetAggregateIdentifier String planId, String actionId, String criterionId,
                                    HalfTerm halfTerm, Rag status, String rationale, List<String> evidence,
                                    String judgedBy, @TargetAggregateVersion Long expectedVersion) {
    }

    /** Monitoring planned for a half-term: what kind, of which subject, for which actions, by whom. */
    public record PlanMonitoring(@TargetAggregateIdentifier String planId, String plannedId, HalfTerm halfTerm,
                                 school.evidence.kernel.monitoring.MonitoringType type, String subject,
                                 List<String> actionIds, String who) {
    }

    public record RevisePlannedMonitoring(@TargetAggregateIdentifier String planId, String plannedId,
                                          HalfTerm halfTerm, school.evidence.kernel.monitoring.MonitoringType type,
                                          String subject, List<String> actionIds, String who, String reason) {
    }

    public record CancelPlannedMonitoring(@TargetAggregateIdentifier String planId, String plannedId, String reason) {
    }

    public record PublishPlan(@TargetAggregateIdentifier String planId) {
    }

    public record ClosePlan(@TargetAggregateIdentifier String planId, String reason) {
    }
}
