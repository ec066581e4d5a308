package school.evidence.kernel.trustplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;

import java.util.List;

/**
 * Commands on a trust's (or a local authority's) plan across its schools. Each names the trust the caller acts for,
 * so a plan is only changed through its own trust's routes.
 */
public final class TrustPlanCommands {
    private TrustPlanCommands() {
    }

    /** A plan over one academic year or several ({@code fromYear} to {@code toYear}, e.g. 2025-26 to 2027-28). */
    public record CreateTrustPlan(@TargetAggregateIdentifier String planId, String trustId, String title,
                                  String fromYear, String toYear) {
    }

    public record AddTrustPriority(@TargetAggregateIdentifier String planId, String trustId, String code,
                                   String statement) {
    }

    /** @param takingPart the member schools taking part (URNs); empty: every school of the trust */
    public record AddTrustAction(@TargetAggregateIdentifier String planId, String trustId, String actionId,
                                 String number, ActionDetails details, List<String> takingPart) {
        public AddTrustAction {
            takingPart = takingPart == null ? List.of() : List.copyOf(takingPart);
        }
    }

    /** One taking-part school's RAG for a trust action: how the action is going there. */
    public record JudgeTrustActionRag(@TargetAggregateIdentifier String planId, String actionId, String schoolUrn,
                                      HalfTerm halfTerm, Rag status, String rationale, List<String> evidence,
                                      String judgedBy) {
        public JudgeTrustActionRag {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** The plan's id: its trust and the year it starts, e.g. {@code wearside-learning-trust-2025-26}. */
    public static String planId(String trustId, String fromYear) {
        return trustId + "-" + fromYear;
    }
}
