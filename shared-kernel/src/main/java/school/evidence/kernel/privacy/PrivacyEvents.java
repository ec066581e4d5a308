package school.evidence.kernel.privacy;

import school.evidence.kernel.OrganisationEvent;
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

    /**
     * A person erased from a trust's or local authority's own records (its plans, filed under no school): everything
     * sealed under those keys now reads as erased; read models are rebuilt without it. Names only keys.
     *
     * @param subjectKeyIds the person's keys for the organisation's records destroyed (empty if they had none)
     * @param recordKeyIds  keys of the organisation's records that named them, shredded whole
     */
    public record OrganisationSubjectErased(String erasureId, String trustId, List<String> subjectKeyIds,
                                            String reason, List<String> recordKeyIds) implements OrganisationEvent {
        public OrganisationSubjectErased {
            subjectKeyIds = subjectKeyIds == null ? List.of() : List.copyOf(subjectKeyIds);
            recordKeyIds = recordKeyIds == null ? List.of() : List.copyOf(recordKeyIds);
        }
    }
}
