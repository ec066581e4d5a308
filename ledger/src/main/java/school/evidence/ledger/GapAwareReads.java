package school.evidence.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

/**
 * The ledger's streaming reads: the next positions plus the gaps a {@link GapAwareTrackingToken} still waits for,
 * how long a gap is waited for, and the void a reader writes at a position it gives up (docs/consistency.md).
 */
final class GapAwareReads {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final int maxGapOffset;
    private final long gapTimeoutNanos;
    private final LongSupplier nanoClock;
    /** When this process first saw each global index it is still waiting for (a gap, or the next index). */
    private final Map<Long, Long> firstSeenMissing = new ConcurrentHashMap<>();

    GapAwareReads(MongoCollection<Document> events, MongoCollection<Document> counters, int maxGapOffset,
                  long gapTimeoutNanos, LongSupplier nanoClock) {
        this.events = events;
        this.counters = counters;
        this.maxGapOffset = maxGapOffset;
        this.gapTimeoutNanos = gapTimeoutNanos;
        this.nanoClock = nanoClock;
    }

    List<? extends TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = asGapAware(lastToken);
        while (true) {
            GapAwareTrackingToken start = token;
            Set<Long> wanted = new TreeSet<>(token.getGaps());
            for (long g = token.getIndex() + 1; g <= token.getIndex() + batchSize; g++) {
                wanted.add(g);
            }
            List<Document> docs = events.find(in(LedgerFields.GLOBAL_INDEX, wanted)).into(new ArrayList<>());
            // only now, with an answer in hand, may a gap that is still missing be given up on
            token = dropExpiredGaps(token, docs);
            if (docs.isEmpty()) {
                docs = skipPastStalledIndex(token, batchSize);
                if (docs.isEmpty()) {
                    return List.of();
                }
            } else {
                firstSeenMissing.remove(token.getIndex() + 1);
            }
            docs.sort(Comparator.comparingLong(d -> d.getLong(LedgerFields.GLOBAL_INDEX)));
            List<TrackedEventData<?>> result = new ArrayList<>(docs.size());
            for (Document doc : docs) {
                long globalIndex = doc.getLong(LedgerFields.GLOBAL_INDEX);
                token = token.advanceTo(globalIndex, maxGapOffset);
                firstSeenMissing.remove(globalIndex);
                if (!doc.getBoolean(LedgerFields.VOID, false)) {
                    result.add(new TrackedDomainEventData<>(token, toTrackedEntry(doc)));
                }
            }
            if (!voided(givenUp(start, token, docs))) {
                token = start; // an event landed at a position being given up: read again, it is there now
                continue;
            }
            if (!result.isEmpty()) {
                return result;
            }
            // the window held only void markers: step over them within this call, or the reader would stall
        }
    }

    /** Positions the reader stopped waiting for (expired, or too far behind) without having found anything there. */
    private static List<Long> givenUp(GapAwareTrackingToken from, GapAwareTrackingToken to, List<Document> found) {
        Set<Long> present = new java.util.HashSet<>();
        found.forEach(doc -> present.add(doc.getLong(LedgerFields.GLOBAL_INDEX)));
        List<Long> givenUp = new ArrayList<>();
        for (long gap : from.getGaps()) {
            if (!present.contains(gap) && !to.getGaps().contains(gap)) {
                givenUp.add(gap);
            }
        }
        for (long p = from.getIndex() + 1; p <= to.getIndex(); p++) {
            if (!present.contains(p) && !to.getGaps().contains(p)) {
                givenUp.add(p);
            }
        }
        return givenUp;
    }

    /**
     * Writes a void marker (majority-acknowledged) at each position given up, so that exactly one of a void or an
     * event can ever be there: a writer arriving later meets the unique position index and appends again at a new
     * position. False when an event got there first; the reader then reads it instead of skipping it.
     */
    private boolean voided(List<Long> positions) {
        for (long position : positions) {
            try {
                events.insertOne(voidMarker(position));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document there = events.find(eq(LedgerFields.GLOBAL_INDEX, position)).first();
                if (there != null && !there.getBoolean(LedgerFields.VOID, false)) {
                    return false;
                }
            }
        }
        return true;
    }

    static Document voidMarker(long position) {
        return new Document("_id", MongoLedgerStorageEngine.VOID_KEY_PREFIX + position).append(LedgerFields.GLOBAL_INDEX, position)
                                                              .append(LedgerFields.VOID, true);
    }

    private GapAwareTrackingToken asGapAware(TrackingToken token) {
        if (token == null) {
            return GapAwareTrackingToken.newInstance(0, List.of());
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException("Unsupported token type " + token.getClass().getName()
                                                   + "; the ledger streams with GapAwareTrackingToken");
    }

    /**
     * A gap is waited for until this process has known about it for the gap timeout, and is given up only on the
     * strength of a read that just succeeded without it: a reader that could not look for a while (database
     * unreachable, processor backing off after errors) looks once more before it skips anything. Writers never send
     * later than the write deadline after reserving an index, and an index is only seen as a gap after it was
     * reserved, so with the gap timeout longer than the deadline plus the driver's retry no committed event is
     * skipped.
     */
    private GapAwareTrackingToken dropExpiredGaps(GapAwareTrackingToken token, List<Document> found) {
        if (!token.hasGaps()) {
            return token;
        }
        long now = nanoClock.getAsLong();
        Set<Long> present = new java.util.HashSet<>();
        found.forEach(doc -> present.add(doc.getLong(LedgerFields.GLOBAL_INDEX)));
        Collection<Long> keep = new ArrayList<>();
        for (Long gap : token.getGaps()) {
            long seen = firstSeenMissing.computeIfAbsent(gap, g -> now);
            if (present.contains(gap) || now - seen <= gapTimeoutNanos) {
                keep.add(gap);
            } else {
                firstSeenMissing.remove(gap);
            }
        }
        return keep.size() == token.getGaps().size() ? token
                : GapAwareTrackingToken.newInstance(token.getIndex(), keep);
    }

    /**
     * Nothing in the next window. Usually the reader is simply at the head. If indexes beyond it were reserved and
     * the very next one stays missing past the gap timeout, a writer died between reserving and inserting: look
     * further ahead once with a range query (rare, so a scan on the embedded server is acceptable).
     */
    private List<Document> skipPastStalledIndex(GapAwareTrackingToken token, int batchSize) {
        long next = token.getIndex() + 1;
        Document counter = counters.find(eq("_id", MongoLedgerStorageEngine.COUNTER_ID)).first();
        long reserved = counter == null ? 0 : ((Number) counter.get("value")).longValue();
        if (reserved < next) {
            firstSeenMissing.remove(next);
            return List.of();
        }
        long now = nanoClock.getAsLong();
        long seen = firstSeenMissing.computeIfAbsent(next, g -> now);
        if (now - seen <= gapTimeoutNanos) {
            return List.of();
        }
        firstSeenMissing.remove(next);
        return events.find(gt(LedgerFields.GLOBAL_INDEX, token.getIndex()))
                     .sort(Sorts.ascending(LedgerFields.GLOBAL_INDEX)).limit(batchSize).into(new ArrayList<>());
    }

    /** A plain (non-domain) event is stored as its own stream; it streams back as a plain event, as in Axon's JDBC. */
    static DomainEventData<String> toTrackedEntry(Document doc) {
        boolean plain = doc.getString(LedgerFields.EVENT_ID).equals(doc.getString(LedgerFields.AGGREGATE_ID));
        return MongoLedgerStorageEngine.toEntry(doc, plain ? null : doc.getString(LedgerFields.AGGREGATE_TYPE),
                                                plain ? null : doc.getString(LedgerFields.AGGREGATE_ID));
    }
}
