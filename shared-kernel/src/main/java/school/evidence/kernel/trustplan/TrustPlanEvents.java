package school.evidence.kernel.trustplan;

import school.evidence.kernel.OrganisationEvent;
import school.evidence.kernel.SchoolEvent;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;

import java.util.List;

/**
 * Facts about a trust's plan. The plan, its priorities and actions are the trust's: the ledger files them under no
 * school. A school's judgement of how an action goes there is the school's, filed under it.
 */
public final class TrustPlanEvents {
    private TrustPlanEvents() {
    }

    public record TrustPlanCreated(String planId, String trustId, String title, String fromYear, String toYear)
            implements OrganisationEvent {
    }

    public record TrustPriorityAdded(String planId, String trustId, String code, String statement)
            implements OrganisationEvent {
    }

    /** @param allSchools every school of the trust takes part (then {@code schools} is empty), as it is at the time */
    public record TrustActionAdded(String planId, String trustId, String actionId, String number,
                                   ActionDetails details, boolean allSchools, List<String> schools)
            implements OrganisationEvent {
        public TrustActionAdded {
            schools = schools == null ? List.of() : List.copyOf(schools);
        }
    }

    public record TrustActionRagJudged(String planId, String trustId, String actionId, String schoolUrn,
                                       HalfTerm halfTerm, Rag status, String rationale, List<String> evidence,
                                       String judgedBy) implements SchoolEvent, OrganisationEvent {
        public TrustActionRagJudged {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
