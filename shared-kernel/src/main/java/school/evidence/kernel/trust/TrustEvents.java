package school.evidence.kernel.trust;

import school.evidence.kernel.SchoolEvent;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;

import java.time.LocalDate;

public final class TrustEvents {
    private TrustEvents() {
    }

    /** Not about one school: the ledger files it under no school. */
    public record TrustRegistered(String trustId, String name) {
    }

    public record SchoolJoinedTrust(String trustId, String schoolUrn, ImprovementPhase phase, LocalDate joinedOn)
            implements SchoolEvent {
    }

    public record ImprovementPhaseChanged(String trustId, String schoolUrn, ImprovementPhase from,
                                          ImprovementPhase to, LocalDate effectiveOn, String reason)
            implements SchoolEvent {
    }
}
