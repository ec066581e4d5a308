package school.evidence.kernel.retention;

import java.time.LocalDate;

/** Legal holds and shredding, on the record's own stream (a monitoring activity or a governance challenge). */
public final class RetentionCommands {
    private RetentionCommands() {
    }

    /** Keeps a record past its retention period (a complaint, a claim, an investigation) until released. */
    public record PlaceLegalHold(String recordId, RecordKind kind, String reason) {
    }

    public record ReleaseLegalHold(String recordId, RecordKind kind, String reason) {
    }

    /** Sent by the retention job for a record whose retention period has ended. */
    public record ShredRecord(String recordId, RecordKind kind, String recordType, int retentionYears,
                              LocalDate retainedUntil) {
    }
}
