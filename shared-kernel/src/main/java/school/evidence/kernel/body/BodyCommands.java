package school.evidence.kernel.body;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import school.evidence.kernel.Slug;

/** Registering the bodies an organisation's plans name: the school's own, or its trust's. */
public final class BodyCommands {
    private BodyCommands() {
    }

    /** @param remit what the body is for, in a sentence (optional) */
    public record RegisterSchoolBody(@TargetAggregateIdentifier String urn, String name, BodyKind kind, String remit) {
    }

    public record RegisterTrustBody(@TargetAggregateIdentifier String trustId, String name, BodyKind kind,
                                    String remit) {
    }

    /**
     * A body's id within its organisation, from its name: "Curriculum & Standards Committee" →
     * {@code curriculum-and-standards-committee}. Two bodies whose names differ only in case, punctuation or "&" for
     * "and" are one.
     */
    public static String idOf(String name) {
        return Slug.of(name);
    }
}
