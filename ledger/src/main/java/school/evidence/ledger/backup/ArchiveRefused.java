package school.evidence.ledger.backup;

/** An archive, or a chain of them, that must not be restored: the message says why, naming the file or event. */
public class ArchiveRefused extends RuntimeException {
    public ArchiveRefused(String reason) {
        super(reason);
    }
}
