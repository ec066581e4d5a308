package school.evidence.kernel;

/** Every event belongs to one school; the ledger lifts the URN into an indexed field of the stored event. */
public interface SchoolEvent {
    String schoolUrn();
}
