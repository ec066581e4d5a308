package school.evidence.kernel.privacy;

import school.evidence.kernel.SchoolEvent;

public final class PrivacyEvents {
    private PrivacyEvents() {
    }

    /** Everything encrypted under that key now reads as erased; read models are rebuilt without it. */
    public record DataSubjectErased(String erasureId, String schoolUrn, String subjectKeyId, String reason)
            implements SchoolEvent {
    }
}
