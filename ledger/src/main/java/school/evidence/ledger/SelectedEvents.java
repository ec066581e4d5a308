package school.evidence.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;

/**
 * Some of the ledger's events, read as a processor reads them (upcast and deserialized, each with its position as its
 * token), without streaming the rest: those of one school, or of some kinds, up to a position. What re-deriving part
 * of the read models needs (a school's, in place, after an erasure); served by the school-and-position and
 * kind-and-position indexes.
 */
final class SelectedEvents {

    private static final int BATCH = 500;

    private SelectedEvents() {
    }

    /** The caller closes the stream (it holds a cursor). */
    static Stream<TrackedEventMessage<?>> read(MongoCollection<Document> events, Bson which, long upTo,
                                               Serializer serializer, EventUpcaster upcasters) {
        MongoCursor<Document> cursor = events.find(and(which, lte(LedgerFields.GLOBAL_INDEX, upTo)))
                                             .sort(ascending(LedgerFields.GLOBAL_INDEX)).batchSize(BATCH).iterator();
        Stream<TrackedEventData<?>> stored = StreamSupport
                .stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .filter(doc -> !doc.getBoolean(LedgerFields.VOID, false))
                .<TrackedEventData<?>>map(doc -> new TrackedDomainEventData<>(
                        GapAwareTrackingToken.newInstance(doc.getLong(LedgerFields.GLOBAL_INDEX), List.of()),
                        GapAwareReads.toTrackedEntry(doc)))
                .onClose(cursor::close);
        return EventUtils.upcastAndDeserializeTrackedEvents(stored, serializer, upcasters);
    }

    /**
     * One school's events of some kinds (payload class names) up to a position, in ledger order. The school's events
     * are found by its index and only their kinds and positions come back, then those of the kinds asked for are read
     * whole by position: a read model of the school's plans need not be sent its thousands of visits. (A query naming
     * the kinds too could be served by the kinds' index instead, across every school.)
     */
    static Stream<TrackedEventMessage<?>> ofSchool(MongoCollection<Document> events, String school,
                                                   java.util.Collection<String> kinds, long upTo,
                                                   Serializer serializer, EventUpcaster upcasters) {
        java.util.Set<String> wanted = java.util.Set.copyOf(kinds);
        List<Long> positions = new java.util.ArrayList<>();
        events.find(and(eq(LedgerFields.SCHOOL, school), lte(LedgerFields.GLOBAL_INDEX, upTo)))
              .projection(include(LedgerFields.GLOBAL_INDEX, LedgerFields.PAYLOAD_TYPE, LedgerFields.VOID))
              .batchSize(BATCH * 10)
              .forEach(doc -> {
                  if (!doc.getBoolean(LedgerFields.VOID, false)
                          && wanted.contains(doc.getString(LedgerFields.PAYLOAD_TYPE))) {
                      positions.add(doc.getLong(LedgerFields.GLOBAL_INDEX));
                  }
              });
        List<Document> found = new java.util.ArrayList<>();
        for (int from = 0; from < positions.size(); from += IDS_PER_READ) {
            List<Long> some = positions.subList(from, Math.min(positions.size(), from + IDS_PER_READ));
            events.find(in(LedgerFields.GLOBAL_INDEX, some)).batchSize(BATCH).into(found);
        }
        return inOrder(found, serializer, upcasters);
    }

    /**
     * The events of some streams (records) up to a position, in ledger order. Found by the stream index alone, a few
     * hundred ids at a time, and put in order here: a store asked to sort them by position could walk the position
     * index over the whole ledger instead. For a few records' events (an erasure's), which fit in memory.
     */
    static Stream<TrackedEventMessage<?>> ofStreams(MongoCollection<Document> events, List<String> streams, long upTo,
                                                    Serializer serializer, EventUpcaster upcasters) {
        List<Document> found = new java.util.ArrayList<>();
        for (int from = 0; from < streams.size(); from += IDS_PER_READ) {
            events.find(in(LedgerFields.AGGREGATE_ID, streams.subList(from, Math.min(streams.size(), from + IDS_PER_READ))))
                  .batchSize(BATCH)
                  .forEach(doc -> {
                      if (doc.getLong(LedgerFields.GLOBAL_INDEX) <= upTo && !doc.getBoolean(LedgerFields.VOID, false)) {
                          found.add(doc);
                      }
                  });
        }
        return inOrder(found, serializer, upcasters);
    }

    private static Stream<TrackedEventMessage<?>> inOrder(List<Document> found, Serializer serializer,
                                                          EventUpcaster upcasters) {
        found.sort(java.util.Comparator.comparingLong(doc -> doc.getLong(LedgerFields.GLOBAL_INDEX)));
        Stream<TrackedEventData<?>> stored = found.stream().map(doc -> new TrackedDomainEventData<>(
                GapAwareTrackingToken.newInstance(doc.getLong(LedgerFields.GLOBAL_INDEX), List.of()),
                GapAwareReads.toTrackedEntry(doc)));
        return EventUtils.upcastAndDeserializeTrackedEvents(stored, serializer, upcasters);
    }

    /** Ids per $in: the embedded store matches each document it finds against the whole list. */
    private static final int IDS_PER_READ = 250;
}
