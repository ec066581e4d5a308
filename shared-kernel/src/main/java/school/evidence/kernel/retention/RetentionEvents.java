package school.evidence.kernel.retention;

import school.evidence.kernel.SchoolEvent;

import java.time.LocalDate;

public final class RetentionEvents {
    private RetentionEvents() {
    }

    public record LegalHoldPlaced(String recordId, String schoolUrn, String reason) implements SchoolEvent {
    }

    public record LegalHoldReleased(String recordId, String schoolUrn, String reason) implements SchoolEvent {
    }

    /**
     * The record's key was destroyed at the end of its retention period: its personal fields read "[erased]" from
     * then on, while the record's non-personal facts (date, kind, actions) and the ledger's hashes remain.
     */
    public record RecordShredded(String recordId, String schoolUrn, String recordType, int retentionYears,
                                 LocalDate retainedUntil) implements SchoolEvent {
    }
}
