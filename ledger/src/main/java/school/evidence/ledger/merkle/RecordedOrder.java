package school.evidence.ledger.merkle;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import school.evidence.ledger.LedgerFields;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recorded times along a school's log. The engine stamps an event when it reserves the event's position and never
 * stores it later than the write deadline after that, so an event logged after another can trail it by at most the
 * deadline (a late commit included). One that trails further, like a record of 2023 slipped into the store in 2026,
 * was not written by the service: it is back-dated, and no checkpoint signs it.
 * <p>
 * A school's first leaf has no leaf before it; it is held to the event just before it in the whole ledger, which
 * reserved its position earlier. Leaves logged before leaves kept their recorded time are not judged.
 */
public final class RecordedOrder {

    /** The engine's default write deadline. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(10);

    /** A leaf recorded earlier than what was logged before it allows. */
    public record Backdated(long leafIndex, String eventKey, long globalIndex, String recordedAt, String latestBefore) {
        public String detail() {
            return "recorded at " + recordedAt + ", but logged after an event recorded at " + latestBefore
                    + ": more than the write deadline earlier, so not written by the service in its turn (back-dated)";
        }
    }

    private final MongoCollection<Document> events;
    private final Duration tolerance;

    public RecordedOrder(MongoDatabase database, Duration tolerance) {
        this.events = database.getCollection("events");
        this.tolerance = tolerance;
    }

    public Optional<Backdated> firstBackdated(List<Document> leaves) {
        List<Backdated> all = backdated(leaves, 1);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Back-dated leaves among {@code leaves} (a log from its first leaf, in order; null where one is missing). */
    public List<Backdated> backdated(List<Document> leaves, int atMost) {
        List<Backdated> found = new ArrayList<>();
        Walk walk = walk();
        for (int i = 0; i < leaves.size() && found.size() < atMost; i++) {
            Document leaf = leaves.get(i);
            if (leaf != null) {
                walk.next(i, leaf.getString("eventKey"), ((Number) leaf.get(LedgerFields.GLOBAL_INDEX)).longValue(),
                          leaf.getString(LedgerFields.RECORDED_AT)).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Follows one log from its first leaf, leaf by leaf. */
    public Walk walk() {
        return new Walk();
    }

    public final class Walk {
        private Instant latest;
        private String latestText;
        private boolean started;

        private Walk() {
        }

        /** The next leaf; {@code recordedAt} null for a leaf logged before leaves kept it (not judged). */
        public Optional<Backdated> next(long leafIndex, String eventKey, long globalIndex, String recordedAt) {
            if (recordedAt == null) {
                return Optional.empty();
            }
            Instant recorded = Instant.parse(recordedAt);
            if (!started) {
                started = true;
                latestText = recordedBefore(globalIndex);
                latest = latestText == null ? null : Instant.parse(latestText);
            }
            if (latest != null && recorded.isBefore(latest.minus(tolerance))) {
                // a back-dated leaf does not move the bar
                return Optional.of(new Backdated(leafIndex, eventKey, globalIndex, recordedAt, latestText));
            }
            if (latest == null || recorded.isAfter(latest)) {
                latest = recorded;
                latestText = recordedAt;
            }
            return Optional.empty();
        }
    }

    /** The recorded time of the ledger's event just before this position (any school), if there is one. */
    private String recordedBefore(long globalIndex) {
        Document before = events.find(Filters.and(Filters.lt(LedgerFields.GLOBAL_INDEX, globalIndex),
                                                  Filters.exists(LedgerFields.RECORDED_AT)))
                                .sort(Sorts.descending(LedgerFields.GLOBAL_INDEX))
                                .projection(Projections.include(LedgerFields.RECORDED_AT)).limit(1).first();
        return before == null ? null : before.getString(LedgerFields.RECORDED_AT);
    }
}
