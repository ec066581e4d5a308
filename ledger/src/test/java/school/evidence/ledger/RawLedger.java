package school.evidence.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Tests only (shipped in the ledger's test jar): the ledger's collections exactly as stored, for tests that must see
 * or tamper with storage itself (a forged event, a changed byte, a count of what a refused request wrote). Product
 * code reads the ledger through {@link LedgerReader}.
 */
public final class RawLedger {

    private RawLedger() {
    }

    public static MongoCollection<Document> events(MongoDatabase database) {
        return database.getCollection("events");
    }

    public static MongoCollection<Document> counters(MongoDatabase database) {
        return database.getCollection("ledger_counters");
    }

    /** Reserves the next global position as a writer would, for a test that forges an event behind the engine. */
    public static long reservePosition(MongoDatabase database) {
        Document before = counters(database).findOneAndUpdate(new Document("_id", MongoLedgerStorageEngine.COUNTER_ID),
                                                              new Document("$inc", new Document("value", 1L)));
        return (before == null ? 0 : ((Number) before.get("value")).longValue()) + 1;
    }

    /** Every stored event and void marker. */
    public static long count(MongoDatabase database) {
        return events(database).countDocuments();
    }

    /** The stored document of event {@code sequence} of an aggregate, or null. */
    public static Document event(MongoDatabase database, String aggregateId, long sequence) {
        return events(database).find(new Document("_id", aggregateId + ":" + sequence)).first();
    }
}
