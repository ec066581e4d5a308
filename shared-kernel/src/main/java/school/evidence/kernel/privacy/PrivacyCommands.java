package school.evidence.kernel.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public final class PrivacyCommands {
    private PrivacyCommands() {
    }

    /**
     * The record that a person was erased: it names the keys destroyed, never the person. {@code subjectKeyId} is the
     * person's own key (null if they had none); {@code recordKeyIds} are the keys of records that mentioned them
     * outside the fields encrypted under their key, shredded whole.
     */
    public record RecordErasure(@TargetAggregateIdentifier String erasureId, String schoolUrn, String subjectKeyId,
                                List<String> recordKeyIds, String reason) {
        public RecordErasure {
            recordKeyIds = recordKeyIds == null ? List.of() : List.copyOf(recordKeyIds);
        }
    }

    /** The record that a person was erased from an organisation's own records: the keys destroyed, never the person. */
    public record RecordOrganisationErasure(@TargetAggregateIdentifier String erasureId, String trustId,
                                            List<String> subjectKeyIds, List<String> recordKeyIds, String reason) {
        public RecordOrganisationErasure {
            subjectKeyIds = subjectKeyIds == null ? List.of() : List.copyOf(subjectKeyIds);
            recordKeyIds = recordKeyIds == null ? List.of() : List.copyOf(recordKeyIds);
        }
    }
}
