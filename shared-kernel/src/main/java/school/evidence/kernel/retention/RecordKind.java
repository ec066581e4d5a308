package school.evidence.kernel.retention;

/** The kinds of record that hold personal data and so have a retention period. */
public enum RecordKind {
    MONITORING_ACTIVITY, CHALLENGE
}
