package school.evidence.kernel.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class PrivacyCommands {
    private PrivacyCommands() {
    }

    /** The record that a person's key was destroyed: it names the key, never the person. */
    public record RecordErasure(@TargetAggregateIdentifier String erasureId, String schoolUrn, String subjectKeyId,
                                String reason) {
    }
}
