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
import static com.mongodb.client.model.Filters.lte;
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
}
