package school.evidence.kernel.trust;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public final class TrustCommands {
    private TrustCommands() {
    }

    /** Where a school is on the trust's improvement journey. */
    public enum ImprovementPhase { STABILISE, REPAIR, IMPROVE, SUSTAIN }

    public record RegisterTrust(@TargetAggregateIdentifier String trustId, String name) {
    }

    public record AddSchoolToTrust(@TargetAggregateIdentifier String trustId, String urn, ImprovementPhase phase,
                                   LocalDate joinedOn) {
    }

    public record ChangeImprovementPhase(@TargetAggregateIdentifier String trustId, String urn,
                                         ImprovementPhase phase, LocalDate effectiveOn, String reason) {
    }
}
