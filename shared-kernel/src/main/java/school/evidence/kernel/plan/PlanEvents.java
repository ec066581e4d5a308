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

    public record SectionAdded(String planId, String schoolUrn, String sectionId, String title,
                               Set<OfstedArea> ofstedAreas) implements SchoolEvent {
    }

    public record ActionAdded(String planId, String schoolUrn, String actionId, String sectionId, String number,
                              String title, List<String> priorities, List<String> leads, String governorLink)
            implements SchoolEvent {
    }

    public record SuccessCriterionAdded(String planId, String schoolUrn, String actionId, String criterionId,
                                        String text, Set<HalfTerm> halfTerms) implements SchoolEvent {
    }

    public record ActionRagJudged(String planId, String schoolUrn, String actionId, HalfTerm halfTerm, Rag status,
                                  String rationale, List<String> evidence, String judgedBy) implements SchoolEvent {
    }
}
