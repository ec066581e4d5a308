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

    public record AddSection(@TargetAggregateIdentifier String planId, String sectionId, String title,
                             Set<OfstedArea> ofstedAreas) {
    }

    public record AddAction(@TargetAggregateIdentifier String planId, String actionId, String sectionId,
                            String number, String title, List<String> priorities, List<String> leads,
                            String governorLink) {
    }

    public record AddSuccessCriterion(@TargetAggregateIdentifier String planId, String actionId,
                                      String criterionId, String text, Set<HalfTerm> halfTerms) {
    }

    /**
     * A leader's RAG judgement of one action. {@code expectedVersion} (from If-Match) makes it conditional on the
     * plan being unchanged since the leader read it; null means unconditional.
     */
    public record JudgeActionRag(@TargetAggregateIdentifier String planId, String actionId, HalfTerm halfTerm,
                                 Rag status, String rationale, List<String> evidence, String judgedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
    }
}
