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

    public static final WriteConcern WRITE = WriteConcern.MAJORITY.withJournal(true);
    public static final ReadConcern READ = ReadConcern.MAJORITY;
    public static final ReadPreference FROM = ReadPreference.primary();

    private LedgerConcerns() {
    }

    public static MongoDatabase durable(MongoDatabase database) {
        return database.withWriteConcern(WRITE).withReadConcern(READ).withReadPreference(FROM);
    }
}
