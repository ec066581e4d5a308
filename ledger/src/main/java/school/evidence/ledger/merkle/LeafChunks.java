package school.evidence.ledger.merkle;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import school.evidence.ledger.LedgerFields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.in;

/** A school's log read for verification a chunk at a time: the leaves, their events and what the back-dating check needs. */
final class LeafChunks {

    /** Leaves per read ({@link SchoolLog#READ_AT_ONCE}): 100,000 events took 3.3 s with 2,000, 1.4-1.8 s with 250. */
    static final int CHUNK = SchoolLog.READ_AT_ONCE;

    /**
     * @param leaves         the chunk's leaves in order, null where the log has none
     * @param events         the leaves' stored events by key (a deleted one is absent)
     * @param recordedBefore for each event's position, the recorded time of the ledger's event before it
     */
    record Chunk(List<Document> leaves, Map<String, Document> events, Map<Long, String> recordedBefore) {
    }

    private final MongoCollection<Document> events;
    private final SchoolLog log;
    private final RecordedOrder order;

    LeafChunks(MongoCollection<Document> events, SchoolLog log, RecordedOrder order) {
        this.events = events;
        this.log = log;
        this.order = order;
    }

    Chunk read(String school, long from, long to) {
        List<Document> leaves = log.leaves(school, from, to);
        List<String> keys = new ArrayList<>(leaves.size());
        leaves.forEach(leaf -> {
            if (leaf != null) {
                keys.add(leaf.getString("eventKey"));
            }
        });
        Map<String, Document> stored = new HashMap<>(keys.size() * 2);
        events.find(in("_id", keys)).forEach(d -> stored.put(d.getString("_id"), d));
        return new Chunk(leaves, stored, recordedBefore(stored.values()));
    }

    static long position(Document event) {
        return ((Number) event.get(LedgerFields.GLOBAL_INDEX)).longValue();
    }

    /**
     * For each event's position, the recorded time of the ledger's event before it: taken from the chunk itself
     * where that event is in it (a school's events often follow one another), asked of the store for the others.
     * Asking for every position read each chunk's events a second time.
     */
    private Map<Long, String> recordedBefore(Collection<Document> chunk) {
        Map<Long, String> recordedAt = new HashMap<>(chunk.size() * 2);
        chunk.forEach(d -> recordedAt.put(position(d), d.getString(LedgerFields.RECORDED_AT)));
        Map<Long, String> before = new HashMap<>(chunk.size() * 2);
        List<Long> elsewhere = new ArrayList<>();
        for (Long position : recordedAt.keySet()) {
            String previous = recordedAt.get(position - 1);
            if (previous != null) {
                before.put(position, previous);
            } else {
                elsewhere.add(position);
            }
        }
        before.putAll(order.recordedBefore(elsewhere));
        return before;
    }
}
