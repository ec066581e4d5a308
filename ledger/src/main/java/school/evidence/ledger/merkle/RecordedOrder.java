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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded times, which the engine stamps when it reserves an event's position and never stores later than the
 * write deadline after. Two rules follow, and an event that breaks either was not written by the service in its turn
 * (like a record "of 2023" slipped into the store in 2026): it is back-dated, and no checkpoint signs it.
 * <ul>
 *   <li>Along a school's log, an event trails those logged before it by at most the deadline (a late commit
 *       included).</li>
 *   <li>Across the whole ledger, an event trails the event in the position before its own by at most the deadline,
 *       whatever school that is: so a forged event is caught even in a school that was quiet for months, and a
 *       school's first event has a bar too. (This is "not before the previous checkpoint's time", in a form that an
 *       index running behind cannot trip.)</li>
 * </ul>
 * Leaves logged before leaves kept their recorded time are not judged.
 */
public final class RecordedOrder {

    /** The engine's default write deadline. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(10);

    /** A leaf recorded earlier than what was logged, or stored in the position, before it allows. */
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

    /**
     * The first back-dated leaf of a log (its leaves from the first, in order; null where one is missing). Leaves
     * before {@code judgedFrom} only set the bar: they were judged when they were signed.
     */
    public Optional<Backdated> firstBackdated(List<Document> leaves, long judgedFrom) {
        Walk walk = walk();
        List<Document> judged = leaves.subList((int) Math.min(judgedFrom, leaves.size()), leaves.size());
        Map<Long, String> before = recordedBefore(judged.stream().filter(java.util.Objects::nonNull)
                                                        .map(RecordedOrder::position).toList());
        for (int i = 0; i < leaves.size(); i++) {
            Document leaf = leaves.get(i);
            if (leaf == null) {
                continue;
            }
            String inPositionBefore = i < judgedFrom ? null : before.get(position(leaf));
            Optional<Backdated> found = walk.next(i, leaf.getString("eventKey"), position(leaf),
                                                  leaf.getString(LedgerFields.RECORDED_AT), inPositionBefore);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static long position(Document leaf) {
        return ((Number) leaf.get(LedgerFields.GLOBAL_INDEX)).longValue();
    }

    /** Follows one log from its first leaf, leaf by leaf. */
    public Walk walk() {
        return new Walk();
    }

    public final class Walk {
        private Instant latest;
        private String latestText;
        /** The last two times parsed, and which of them is the older. */
        private final String[] texts = new String[2];
        private final Instant[] parsed = new Instant[2];
        private int older;

        private Walk() {
        }

        /**
         * The next leaf; {@code recordedAt} null for a leaf logged before leaves kept it (not judged).
         * {@code inPositionBefore}: the recorded time of the ledger's event just before this one's position.
         */
        public Optional<Backdated> next(long leafIndex, String eventKey, long globalIndex, String recordedAt,
                                        String inPositionBefore) {
            if (recordedAt == null) {
                return Optional.empty();
            }
            Instant recorded = parse(recordedAt);
            Instant bar = latest;
            String barText = latestText;
            if (inPositionBefore != null) {
                Instant before = parse(inPositionBefore);
                if (bar == null || before.isAfter(bar)) {
                    bar = before;
                    barText = inPositionBefore;
                }
            }
            if (bar != null && recorded.isBefore(bar.minus(tolerance))) {
                // a back-dated leaf does not move the bar
                return Optional.of(new Backdated(leafIndex, eventKey, globalIndex, recordedAt, barText));
            }
            if (latest == null || recorded.isAfter(latest)) {
                latest = recorded;
                latestText = recordedAt;
            }
            return Optional.empty();
        }

        /**
         * The time written; the last two parsed are kept, as the time before a leaf's position is most often the
         * time of the leaf before it (parsing every time was half the hashing thread's work).
         */
        private Instant parse(String text) {
            for (int i = 0; i < 2; i++) {
                if (text.equals(texts[i])) {
                    return parsed[i];
                }
            }
            int slot = older;
            older = 1 - older;
            texts[slot] = text;
            parsed[slot] = Instant.parse(text);
            return parsed[slot];
        }
    }

    /**
     * For each position, the recorded time of the nearest event before it that has one (any school): one read for
     * the positions just before, a look further back only where that one is a void marker or has no time.
     */
    public Map<Long, String> recordedBefore(Collection<Long> positions) {
        Map<Long, String> found = new HashMap<>();
        List<Long> previous = positions.stream().map(p -> p - 1).toList();
        Map<Long, String> direct = new HashMap<>();
        for (int from = 0; from < previous.size(); from += 1000) {
            events.find(Filters.in(LedgerFields.GLOBAL_INDEX, previous.subList(from, Math.min(previous.size(), from + 1000))))
                  .projection(Projections.include(LedgerFields.GLOBAL_INDEX, LedgerFields.RECORDED_AT))
                  .forEach(d -> {
                      if (d.getString(LedgerFields.RECORDED_AT) != null) {
                          direct.put(((Number) d.get(LedgerFields.GLOBAL_INDEX)).longValue(),
                                     d.getString(LedgerFields.RECORDED_AT));
                      }
                  });
        }
        for (Long position : positions) {
            String time = direct.get(position - 1);
            found.put(position, time != null ? time : scanBack(position));
        }
        return found;
    }

    /** Positions asked for at once when looking back past void markers (by the unique position index). */
    private static final int LOOK_BACK = 256;

    /**
     * The recorded time of the nearest event before {@code globalIndex} that has one: looked for a window of positions
     * at a time through the position index (a school's own restored ledger has a void marker before most of its
     * events), and only after many windows by a range query, which the embedded server answers by a scan and sort.
     */
    private String scanBack(long globalIndex) {
        for (long to = globalIndex - 1, windows = 0; to >= 1 && windows < 64; to -= LOOK_BACK, windows++) {
            List<Long> window = new java.util.ArrayList<>(LOOK_BACK);
            for (long p = to; p > Math.max(0, to - LOOK_BACK); p--) {
                window.add(p);
            }
            Document nearest = null;
            for (Document d : events.find(Filters.in(LedgerFields.GLOBAL_INDEX, window))
                                    .projection(Projections.include(LedgerFields.GLOBAL_INDEX, LedgerFields.RECORDED_AT))) {
                if (d.getString(LedgerFields.RECORDED_AT) != null && (nearest == null
                        || ((Number) d.get(LedgerFields.GLOBAL_INDEX)).longValue()
                        > ((Number) nearest.get(LedgerFields.GLOBAL_INDEX)).longValue())) {
                    nearest = d;
                }
            }
            if (nearest != null) {
                return nearest.getString(LedgerFields.RECORDED_AT);
            }
        }
        if (globalIndex - 1 - 64L * LOOK_BACK < 1) {
            return null; // every earlier position was looked at
        }
        Document before = events.find(Filters.and(Filters.lt(LedgerFields.GLOBAL_INDEX, globalIndex),
                                                  Filters.exists(LedgerFields.RECORDED_AT)))
                                .sort(Sorts.descending(LedgerFields.GLOBAL_INDEX))
                                .projection(Projections.include(LedgerFields.RECORDED_AT)).limit(1).first();
        return before == null ? null : before.getString(LedgerFields.RECORDED_AT);
    }
}
