package school.evidence.kernel.plan;

import school.evidence.kernel.SchoolEvent;

import java.util.List;
import java.util.Set;

/** Facts about a school's improvement plan. Each carries the school so every reader can scope it. */
public final class PlanEvents {
    private PlanEvents() {
    }

    public record ImprovementPlanCreated(String planId, String schoolUrn, String academicYear, String title)
            implements SchoolEvent {
    }

    public record PriorityAdded(String planId, String schoolUrn, String code, String statement, Set<HalfTerm> dueBy)
            implements SchoolEvent {
    }

    public record PriorityRevised(String planId, String schoolUrn, String code, String statement,
                                  Set<HalfTerm> dueBy, String reason) implements SchoolEvent {
    }

    public record PriorityWithdrawn(String planId, String schoolUrn, String code, String reason)
            implements SchoolEvent {
    }

    /** The school's priority feeds a priority of a plan of a trust the school is in; a later link replaces it. */
    public record PriorityLinkedToTrust(String planId, String schoolUrn, String code, String trustPlanId,
                                        String trustId, String trustPriority) implements SchoolEvent {
    }

    public record SectionAdded(String planId, String schoolUrn, String sectionId, SectionDetails details)
            implements SchoolEvent {
    }

    /** A subject leader's plan, inside this plan: its actions are added like the sections' and support theirs. */
    public record SubjectPlanAdded(String planId, String schoolUrn, String subjectPlanId, SubjectPlanDetails details)
            implements SchoolEvent {
    }

    public record ActionAdded(String planId, String schoolUrn, String actionId, String sectionId, String number,
                              ActionDetails details) implements SchoolEvent {
    }

    public record ActionRevised(String planId, String schoolUrn, String actionId, ActionDetails details,
                                String reason) implements SchoolEvent {
    }

    public record ActionWithdrawn(String planId, String schoolUrn, String actionId, String reason)
            implements SchoolEvent {
    }

    /** An unfinished action of an earlier plan, brought into this one. Priority links the new plan lacks are dropped. */
    public record ActionCarriedForward(String planId, String schoolUrn, String actionId, String sectionId,
                                       String number, ActionDetails details, String fromPlanId, String fromActionId,
                                       List<String> droppedPriorities) implements SchoolEvent {
    }

    public record SuccessCriterionAdded(String planId, String schoolUrn, String actionId, String criterionId,
                                        String text, Set<HalfTerm> halfTerms) implements SchoolEvent {
    }

    public record SuccessCriterionRevised(String planId, String schoolUrn, String actionId, String criterionId,
                                          String text, Set<HalfTerm> halfTerms, String reason)
            implements SchoolEvent {
    }

    public record SuccessCriterionWithdrawn(String planId, String schoolUrn, String actionId, String criterionId,
                                            String reason) implements SchoolEvent {
    }

    public record ActionRagJudged(String planId, String schoolUrn, String actionId, HalfTerm halfTerm, Rag status,
                                  String rationale, List<String> evidence, String judgedBy) implements SchoolEvent {
    }

    public record CriterionRagJudged(String planId, String schoolUrn, String actionId, String criterionId,
                                     HalfTerm halfTerm, Rag status, String rationale, List<String> evidence,
                                     String judgedBy) implements SchoolEvent {
    }

    public record MonitoringPlanned(String planId, String schoolUrn, String plannedId, HalfTerm halfTerm,
                                    school.evidence.kernel.monitoring.MonitoringType type, String subject,
                                    List<String> actionIds, String who) implements SchoolEvent {
    }

    public record PlannedMonitoringRevised(String planId, String schoolUrn, String plannedId, HalfTerm halfTerm,
                                           school.evidence.kernel.monitoring.MonitoringType type, String subject,
                                           List<String> actionIds, String who, String reason) implements SchoolEvent {
    }

    public record PlannedMonitoringCancelled(String planId, String schoolUrn, String plannedId, String reason)
            implements SchoolEvent {
    }

    public record PlanPublished(String planId, String schoolUrn) implements SchoolEvent {
    }

    public record PlanClosed(String planId, String schoolUrn, String reason) implements SchoolEvent {
    }
}
