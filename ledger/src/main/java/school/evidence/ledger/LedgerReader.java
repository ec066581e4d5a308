package school.evidence.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The one way to read the ledger outside Axon's event stream: by school, by aggregate, by key, by position. Every
 * read asks by a key the ledger indexes (see docs/architecture.md, "Designing for both stores"). Get it from
 * {@link MongoLedgerStorageEngine#reader()} so that it reads the collections the engine writes.
 */
public final class LedgerReader {

    /** Which stored text a search looks in. */
    public enum Text { PAYLOAD, META_DATA }

    private static final int KEYS_PER_QUERY = 1000;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;

    LedgerReader(MongoCollection<Document> events, MongoCollection<Document> counters) {
        this.events = events;
        this.counters = counters;
    }

    /** A reader of a ledger written with the engine's default collection names (tests and tools). */
    public static LedgerReader of(MongoDatabase database) {
        return MongoLedgerStorageEngine.builder().database(database).reader();
    }

    /** The key of event {@code sequence} of an aggregate ({@link StoredEvent#key()}). */
    public static String eventKey(String aggregateId, long sequence) {
        return aggregateId + ":" + sequence;
    }

    /** The aggregate an event key ({@link StoredEvent#key()}) belongs to. */
    /** The global position of an event as the engine stored it (what its append listener hands over). */
    public static long positionOf(org.bson.Document stored) {
        return ((Number) stored.get(LedgerFields.GLOBAL_INDEX)).longValue();
    }

    public static String aggregateIdOf(String eventKey) {
        return eventKey.substring(0, eventKey.lastIndexOf(':'));
    }

    /** Event {@code sequence} of an aggregate; an aggregate's first event is sequence 0. */
    public Optional<StoredEvent> event(String aggregateId, long sequence) {
        return Optional.ofNullable(events.find(Filters.eq("_id", eventKey(aggregateId, sequence))).first())
                       .map(StoredEvent::of);
    }

    /** The events with these keys ({@link StoredEvent#key()}), in ledger order; unknown keys are left out. */
    public List<StoredEvent> byKeys(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<StoredEvent> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            events.find(Filters.in("_id", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY))))
                  .forEach(doc -> found.add(StoredEvent.of(doc)));
        }
        found.sort(Comparator.comparingLong(StoredEvent::globalIndex));
        return found;
    }

    /** What is stored at these ledger positions (void markers included), in ledger order. */
    public List<StoredEvent> atPositions(Collection<Long> positions) {
        List<StoredEvent> found = new ArrayList<>();
        events.find(Filters.in(LedgerFields.GLOBAL_INDEX, positions)).forEach(doc -> found.add(StoredEvent.of(doc)));
        found.sort(Comparator.comparingLong(StoredEvent::globalIndex));
        return found;
    }

    /**
     * When the events at these positions were recorded, in ledger order, void markers left out: only the two fields,
     * for the meters that ask on every scrape how far behind each projection is.
     */
    public List<Recorded> recordedAt(Collection<Long> positions) {
        List<Recorded> found = new ArrayList<>();
        events.find(Filters.and(Filters.in(LedgerFields.GLOBAL_INDEX, positions), Filters.ne(LedgerFields.VOID, true)))
              .projection(Projections.include(LedgerFields.GLOBAL_INDEX, LedgerFields.RECORDED_AT))
              .forEach(doc -> found.add(new Recorded(((Number) doc.get(LedgerFields.GLOBAL_INDEX)).longValue(),
                                                     doc.getString(LedgerFields.RECORDED_AT))));
        found.sort(Comparator.comparingLong(Recorded::globalIndex));
        return found;
    }

    /** An event's position and when it was recorded (as stored: ISO-8601 UTC). */
    public record Recorded(long globalIndex, String recordedAt) {
    }

    /** The last position handed out to a writer (positions start at 1); 0 for an empty ledger. */
    public long lastReservedPosition() {
        Document counter = counters.find(Filters.eq("_id", MongoLedgerStorageEngine.COUNTER_ID)).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    /** Every event of a school, in ledger order. */
    public void forEachInSchool(String school, Consumer<StoredEvent> each) {
        inOrder(Filters.eq(LedgerFields.SCHOOL, school), each);
    }

    /** The events of a school whose payload or metadata text contains {@code text}, in ledger order. */
    public void forEachInSchoolContaining(String school, Text where, String text, Consumer<StoredEvent> each) {
        String field = where == Text.PAYLOAD ? LedgerFields.PAYLOAD : LedgerFields.META_DATA;
        inOrder(Filters.and(Filters.eq(LedgerFields.SCHOOL, school), Filters.regex(field, Pattern.quote(text))), each);
    }

    /**
     * The ids of the aggregates that recorded an event of one kind (a payload class name) for a school. Served by the
     * events-by-kind index: it reads only the events of that kind (e.g. the schools joining trusts, one per school),
     * never the school's whole history, and fetches the aggregate id alone.
     */
    public List<String> aggregatesWithEventInSchool(String school, String payloadType) {
        List<String> ids = new ArrayList<>();
        events.find(Filters.and(Filters.eq(LedgerFields.PAYLOAD_TYPE, payloadType),
                                Filters.eq(LedgerFields.SCHOOL, school)))
              .projection(Projections.fields(Projections.include(LedgerFields.AGGREGATE_ID), Projections.excludeId()))
              .forEach(doc -> {
                  String id = doc.getString(LedgerFields.AGGREGATE_ID);
                  if (!ids.contains(id)) {
                      ids.add(id);
                  }
              });
        return ids;
    }

    /** Every event of these payload types (class names), across schools, in ledger order. */
    public void forEachOfTypes(Collection<String> payloadTypes, Consumer<StoredEvent> each) {
        inOrder(Filters.in(LedgerFields.PAYLOAD_TYPE, payloadTypes), each);
    }

    private void inOrder(Bson filter, Consumer<StoredEvent> each) {
        events.find(filter).sort(Sorts.ascending(LedgerFields.GLOBAL_INDEX)).forEach(doc -> each.accept(StoredEvent.of(doc)));
    }
}
