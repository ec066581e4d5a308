package school.evidence.kernel.trust;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

public final class TrustCommands {
    private TrustCommands() {
    }

    /** Where a school is on the trust's improvement journey. */
    public enum ImprovementPhase { STABILISE, REPAIR, IMPROVE, SUSTAIN }

    /** An organisation with member schools: a multi-academy trust, or a local authority and its maintained schools. */
    public enum OrganisationKind { TRUST, LOCAL_AUTHORITY }

    /** @param kind what the organisation is; none: a trust */
    public record RegisterTrust(@TargetAggregateIdentifier String trustId, String name, OrganisationKind kind) {
        public RegisterTrust {
            kind = kind == null ? OrganisationKind.TRUST : kind;
        }

        public RegisterTrust(String trustId, String name) {
            this(trustId, name, OrganisationKind.TRUST);
        }
    }

    /** @param indicativeMeasures what the phase was judged on, e.g. "KS2 below floor", "Ofsted grade 4" */
    public record AddSchoolToTrust(@TargetAggregateIdentifier String trustId, String urn, ImprovementPhase phase,
                                   LocalDate joinedOn, List<String> indicativeMeasures) {
        public AddSchoolToTrust {
            indicativeMeasures = indicativeMeasures == null ? List.of() : List.copyOf(indicativeMeasures);
        }

        public AddSchoolToTrust(String trustId, String urn, ImprovementPhase phase, LocalDate joinedOn) {
            this(trustId, urn, phase, joinedOn, List.of());
        }
    }

    /** @param effectiveOn the day the phase takes effect; never before the school joined the trust */
    public record ChangeImprovementPhase(@TargetAggregateIdentifier String trustId, String urn,
                                         ImprovementPhase phase, LocalDate effectiveOn, String reason,
                                         List<String> indicativeMeasures) {
        public ChangeImprovementPhase {
            indicativeMeasures = indicativeMeasures == null ? List.of() : List.copyOf(indicativeMeasures);
        }

        public ChangeImprovementPhase(String trustId, String urn, ImprovementPhase phase, LocalDate effectiveOn,
                                      String reason) {
            this(trustId, urn, phase, effectiveOn, reason, List.of());
        }
    }
}
