package school.evidence.kernel.body;

import school.evidence.kernel.OrganisationEvent;
import school.evidence.kernel.SchoolEvent;

/** Bodies registered by an organisation. A body's name is an organisation's, not a person's: not personal data. */
public final class BodyEvents {
    private BodyEvents() {
    }

    public record SchoolBodyRegistered(String schoolUrn, String bodyId, String name, BodyKind kind, String remit)
            implements SchoolEvent {
    }

    /** Not about one school: the ledger files it under no school, like the trust itself. */
    public record TrustBodyRegistered(String trustId, String bodyId, String name, BodyKind kind, String remit)
            implements OrganisationEvent {
    }
}
