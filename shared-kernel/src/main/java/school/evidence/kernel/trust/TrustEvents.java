package school.evidence.kernel.trust;

import school.evidence.kernel.OrganisationEvent;
import school.evidence.kernel.SchoolEvent;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.OrganisationKind;

import java.time.LocalDate;
import java.util.List;

public final class TrustEvents {
    private TrustEvents() {
    }

    /** Not about one school: the ledger files it under no school. Recorded before kinds were kept: a trust. */
    public record TrustRegistered(String trustId, String name, OrganisationKind kind) implements OrganisationEvent {
        public TrustRegistered {
            kind = kind == null ? OrganisationKind.TRUST : kind;
        }

        public TrustRegistered(String trustId, String name) {
            this(trustId, name, OrganisationKind.TRUST);
        }
    }

    /** @param indicativeMeasures the notes the phase was judged on; empty on events recorded before they were kept */
    public record SchoolJoinedTrust(String trustId, String schoolUrn, ImprovementPhase phase, LocalDate joinedOn,
                                    List<String> indicativeMeasures)
            implements SchoolEvent, OrganisationEvent {
        public SchoolJoinedTrust {
            indicativeMeasures = indicativeMeasures == null ? List.of() : List.copyOf(indicativeMeasures);
        }

        public SchoolJoinedTrust(String trustId, String schoolUrn, ImprovementPhase phase, LocalDate joinedOn) {
            this(trustId, schoolUrn, phase, joinedOn, List.of());
        }
    }

    /** @param from the phase in force on {@code effectiveOn} before this change */
    public record ImprovementPhaseChanged(String trustId, String schoolUrn, ImprovementPhase from,
                                          ImprovementPhase to, LocalDate effectiveOn, String reason,
                                          List<String> indicativeMeasures)
            implements SchoolEvent, OrganisationEvent {
        public ImprovementPhaseChanged {
            indicativeMeasures = indicativeMeasures == null ? List.of() : List.copyOf(indicativeMeasures);
        }

        public ImprovementPhaseChanged(String trustId, String schoolUrn, ImprovementPhase from, ImprovementPhase to,
                                       LocalDate effectiveOn, String reason) {
            this(trustId, schoolUrn, from, to, effectiveOn, reason, List.of());
        }
    }
}
