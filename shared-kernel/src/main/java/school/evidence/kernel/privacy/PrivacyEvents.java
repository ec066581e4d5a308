package school.evidence.kernel.privacy;

import school.evidence.kernel.SchoolEvent;

import java.util.List;

public final class PrivacyEvents {
    private PrivacyEvents() {
    }

    /**
     * Everything encrypted under those keys now reads as erased; read models are rebuilt without it.
     *
     * @param recordKeyIds keys of records shredded whole because they mentioned the person (empty on erasures recorded
     *                     before records were shredded)
     */
    public record DataSubjectErased(String erasureId, String schoolUrn, String subjectKeyId, String reason,
                                    List<String> recordKeyIds)
            implements SchoolEvent {
        public DataSubjectErased {
            recordKeyIds = recordKeyIds == null ? List.of() : List.copyOf(recordKeyIds);
        }

        public DataSubjectErased(String erasureId, String schoolUrn, String subjectKeyId, String reason) {
            this(erasureId, schoolUrn, subjectKeyId, reason, List.of());
        }
    }
}
