package school.evidence.command.retention;

/** An aggregate whose record holds personal data and so has a retention period. */
public interface RetainedRecord {
    String recordId();

    String schoolUrn();

    RecordRetention retention();
}
