package school.evidence.ledger;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;

/**
 * What the ledger asks of a replica set: a write is acknowledged once a majority has it in its journal (so no
 * failover can roll it back), and a read sees only what a majority has (so no reader consumes, logs, signs or
 * projects an event that may yet vanish). From the primary, so a write is seen by the next read. On one node (the
 * embedded store) these change nothing.
 */
public final class LedgerConcerns {

    /**
     * A majority that does not answer within 10 s (members down, replication stalled) ends the wait with an error
     * rather than holding the request for ever; the write may still become durable later, so it is answered as
     * "outcome unknown" (503), and readers treat its position like any other (docs/consistency.md).
     */
    public static final WriteConcern WRITE = WriteConcern.MAJORITY.withJournal(true)
                                                                  .withWTimeout(10, java.util.concurrent.TimeUnit.SECONDS);
    public static final ReadConcern READ = ReadConcern.MAJORITY;
    public static final ReadPreference FROM = ReadPreference.primary();

    private LedgerConcerns() {
    }

    public static MongoDatabase durable(MongoDatabase database) {
        return database.withWriteConcern(WRITE).withReadConcern(READ).withReadPreference(FROM);
    }
}
