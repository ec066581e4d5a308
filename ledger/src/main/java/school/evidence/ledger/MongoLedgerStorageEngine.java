package school.evidence.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import school.evidence.ledger.merkle.LeafEncoding;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.inc;

/**
 * The evidence ledger: an Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on the plain
 * MongoDB Java driver.
 * <p>
 * Every lookup on a hot path names a unique key so that both real MongoDB and the embedded wire-protocol server
 * answer it from an index (docs/architecture.md, "Designing for both stores"):
 * <ul>
 *   <li>an event's {@code _id} is {@code <aggregateId>:<sequenceNumber>}: a stale append is a duplicate key, which
 *       Axon turns into a {@code ConcurrencyException}, and an aggregate load is an {@code _id $in [...]} fetch;</li>
 *   <li>the global index is reserved from a counter document and has its own unique index; streaming readers ask
 *       for {@code globalIndex $in [n+1 .. n+batch]} plus the gaps their {@link GapAwareTrackingToken} still
 *       waits for, so an event whose index was reserved early but which committed late is still delivered;</li>
 *   <li>an index reserved by an append that then failed is filled with a "void" marker (safe even if the append
 *       did land, because the global index is unique), so readers step over it instead of waiting for it.</li>
 * </ul>
 * Payload and metadata are stored as the exact JSON text the serializer produced; later issues hash those bytes.
 * <p>
 * Atomicity: without multi-document transactions an append of several events is not atomic against a crash
 * mid-insert. The domain therefore emits exactly one event per command; see docs/architecture.md.
 */
public class MongoLedgerStorageEngine extends BatchingEventStorageEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MongoLedgerStorageEngine.class);
    public static final String COUNTER_ID = "globalIndex";
    public static final String VOID_KEY_PREFIX = "#void:";
    private static final int FIRST_AGGREGATE_WINDOW = 16;
    /** How often an append goes again at new positions after readers gave its positions up. */
    private static final int POSITION_ATTEMPTS = 3;
    private static final DateTimeFormatter RECORDED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final MongoDatabase database;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final Function<EventMessage<?>, String> partitionResolver;
    private final int trackedBatchSize;
    private final long writeDeadlineNanos;
    private final LongSupplier nanoClock;
    private final Runnable afterReserve;
    private final Clock clock;
    private final java.util.function.Consumer<List<Document>> onAppended;
    private final GapAwareReads gapAwareReads;

    protected MongoLedgerStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = LedgerConcerns.durable(builder.database);
        this.database = db;
        this.events = db.getCollection(builder.eventsCollection);
        this.snapshots = db.getCollection(builder.snapshotsCollection);
        this.counters = db.getCollection(builder.countersCollection);
        this.partitionResolver = builder.partitionResolver;
        this.trackedBatchSize = builder.trackedBatchSize;
        this.gapAwareReads = new GapAwareReads(events, counters, builder.maxGapOffset, builder.gapTimeout.toNanos(),
                                               builder.nanoClock);
        this.writeDeadlineNanos = builder.writeDeadline.toNanos();
        this.nanoClock = builder.nanoClock;
        this.afterReserve = builder.afterReserve;
        this.clock = builder.clock;
        this.onAppended = builder.onAppended;
        if (builder.ensureIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads of the collections this engine writes (by school, aggregate, key, position). */
    public LedgerReader reader() {
        return new LedgerReader(events, counters);
    }

    /** One school's events up to a position, in ledger order, as a processor reads them; close the stream. */
    public Stream<org.axonframework.eventhandling.TrackedEventMessage<?>> readEventsOfSchool(String school, long upTo) {
        return SelectedEvents.read(events, eq(LedgerFields.SCHOOL, school), upTo, getEventSerializer(), upcasterChain);
    }

    /** One school's events of these kinds (payload class names) up to a position, in ledger order. */
    public Stream<org.axonframework.eventhandling.TrackedEventMessage<?>> readEventsOfSchool(
            String school, java.util.Collection<String> payloadTypes, long upTo) {
        return SelectedEvents.ofSchool(events, school, payloadTypes, upTo, getEventSerializer(), upcasterChain);
    }

    /** The events of these kinds (payload class names) up to a position, in ledger order; close the stream. */
    public Stream<org.axonframework.eventhandling.TrackedEventMessage<?>> readEventsOfTypes(
            java.util.Collection<String> payloadTypes, long upTo) {
        return SelectedEvents.read(events, in(LedgerFields.PAYLOAD_TYPE, payloadTypes), upTo, getEventSerializer(),
                                   upcasterChain);
    }

    /** The events of these streams (aggregate ids: records, plans) up to a position, in ledger order; close it. */
    public Stream<org.axonframework.eventhandling.TrackedEventMessage<?>> readEventsOfStreams(
            java.util.Collection<String> streams, long upTo) {
        return SelectedEvents.ofStreams(events, java.util.List.copyOf(new java.util.TreeSet<>(streams)), upTo,
                                        getEventSerializer(), upcasterChain);
    }

    /** Creates the indexes the engine relies on; idempotent. */
    public void ensureIndexes() {
        ensureIndexes(events);
        school.evidence.ledger.merkle.Checkpoints.ensureIndexes(database);
    }

    /** The events collection's indexes, also made by a restore before it writes (its verification reads by position). */
    public static void ensureIndexes(MongoCollection<Document> events) {
        events.createIndex(Indexes.ascending(LedgerFields.GLOBAL_INDEX),
                           new IndexOptions().unique(true).name("uniqueGlobalIndex"));
        // sparse: void markers have no aggregate
        events.createIndex(Indexes.ascending(LedgerFields.AGGREGATE_ID, LedgerFields.SEQUENCE),
                           new IndexOptions().unique(true).sparse(true).name("uniqueAggregateSequence"));
        // an event is stored once: the same identifier under a second aggregate is refused (a conflict, as in Axon)
        events.createIndex(Indexes.ascending(LedgerFields.EVENT_ID),
                           new IndexOptions().unique(true).sparse(true).name("uniqueEventIdentifier"));
        // the retention job's events of some kinds, in order
        events.createIndex(Indexes.ascending(LedgerFields.PAYLOAD_TYPE, LedgerFields.GLOBAL_INDEX),
                           new IndexOptions().sparse(true).name("kindPosition"));
        events.createIndex(Indexes.ascending(LedgerFields.SCHOOL, LedgerFields.GLOBAL_INDEX),
                           new IndexOptions().sparse(true).name("schoolPosition"));
    }

    // ------------------------------------------------------------------ append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        List<? extends EventMessage<?>> pending = messages;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            int stored = appendOnce(pending, serializer, attempt == POSITION_ATTEMPTS);
            pending = pending.subList(stored, pending.size());
        }
    }

    /**
     * Reserves positions and inserts; returns how many were stored, fewer than asked only when a reader had given
     * up one of the positions (a void marker holds it): the rest then go again at new positions.
     */
    private int appendOnce(List<? extends EventMessage<?>> messages, Serializer serializer, boolean lastAttempt) {
        long last = reserve(messages.size());
        long first = last - messages.size() + 1;
        long reservedAt = nanoClock.getAsLong();
        // recorded when its position was reserved, not when the command began: with the write deadline this bounds
        // how far an event's recorded time may trail those logged before it (what the verifier calls back-dated)
        Instant recordedAt = clock.instant();
        afterReserve.run();
        List<Document> docs = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            docs.add(toDocument(messages.get(i), first + i, serializer, recordedAt));
        }
        if (nanoClock.getAsLong() - reservedAt > writeDeadlineNanos) {
            // readers give up waiting for a reserved index after the gap timeout; never commit that late
            voidRange(first, last);
            throw new EventStoreException("Append exceeded the write deadline before it was sent; nothing stored");
        }
        try {
            events.insertMany(docs, new InsertManyOptions().ordered(true));
            appended(docs);
            return docs.size();
        } catch (MongoException e) {
            boolean ours;
            try {
                ours = alreadyStored(docs);
            } catch (MongoException unreachable) {
                // the write may have landed or not, and the store cannot say which: not a conflict, an outage
                voidRange(first, last);
                throw new EventStoreException("The store became unreachable before it could tell whether the "
                                                      + "append landed", unreachable);
            }
            if (ours) {
                // the driver retried a write whose first attempt had landed before the connection dropped
                appended(docs);
                return docs.size();
            }
            Optional<DuplicateKeys.Duplicate> duplicate = DuplicateKeys.of(e);
            if (duplicate.isPresent() && duplicate.get().onPosition()) {
                return positionGivenUp(docs, duplicate.get().documentIndex(), first, last, lastAttempt, e);
            }
            failed(e, messages, first, last);
            throw e; // not reached: failed always throws
        }
    }

    /** A reader voided a reserved position before the event reached it: not a conflict, so go again elsewhere. */
    private int positionGivenUp(List<Document> docs, int failedAt, long first, long last, boolean lastAttempt,
                                MongoException cause) {
        voidRange(first + failedAt + 1, last);
        appended(docs.subList(0, failedAt));
        if (lastAttempt) {
            throw new EventStoreException("The positions reserved for this append were given up by readers "
                                                  + POSITION_ATTEMPTS + " times; nothing more stored", cause);
        }
        LOG.info("Position {} was given up before its event arrived; appending again at a new position",
                 first + failedAt);
        return failedAt;
    }

    /** Tells the listener (write receipts) what was stored; its failure must not undo a stored append. */
    private void appended(List<Document> docs) {
        if (docs.isEmpty()) {
            return;
        }
        try {
            onAppended.accept(java.util.Collections.unmodifiableList(docs));
        } catch (RuntimeException e) {
            LOG.warn("The append listener failed after events were stored", e);
        }
    }

    /** True when every document is in the store as this very event (same key, same event id). */
    private boolean alreadyStored(List<Document> docs) {
        Map<Object, Object> stored = new java.util.HashMap<>();
        events.find(in("_id", docs.stream().map(d -> d.get("_id")).toList()))
              .projection(new Document(LedgerFields.EVENT_ID, 1))
              .forEach(d -> stored.put(d.get("_id"), d.get(LedgerFields.EVENT_ID)));
        return docs.stream().allMatch(d -> d.get(LedgerFields.EVENT_ID).equals(stored.get(d.get("_id"))));
    }

    private void failed(MongoException failure, List<? extends EventMessage<?>> messages, long first, long last) {
        if (DUPLICATE_KEY.isDuplicateKeyViolation(failure)) {
            // expected for a stale append (409); anything else here is worth an operator's eye
            LOG.info("Append at global index {}..{} refused by a unique index: {}", first, last, failure.getMessage());
        }
        if (failure instanceof MongoBulkWriteException e) {
            int failedAt = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
            voidRange(first + failedAt, last);
            handlePersistenceException(e, messages.get(failedAt));
        } else {
            voidRange(first, last);
            handlePersistenceException(failure, messages.get(0));
        }
    }

    /**
     * Reserves {@code count} positions and returns the last. Asks for the document as it was <em>before</em> the
     * increment: the embedded server answers "after" with the stored document itself, encoded once its lock is
     * released, so a concurrent increment could show through and two writers got the same position (a new record
     * then failed as "already registered"); its "before" is a copy taken under the lock. Same answer on real MongoDB.
     */
    private long reserve(int count) {
        Document before = counters.findOneAndUpdate(
                eq("_id", COUNTER_ID), inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long previous = before == null ? 0 : ((Number) before.get("value")).longValue();
        return previous + count;
    }

    /** Best effort: marks reserved-but-unused indexes so readers need not wait for them. */
    private void voidRange(long from, long to) {
        if (from > to) {
            return;
        }
        List<Document> markers = new ArrayList<>();
        for (long g = from; g <= to; g++) {
            markers.add(GapAwareReads.voidMarker(g));
        }
        try {
            events.insertMany(markers, new InsertManyOptions().ordered(false));
        } catch (MongoException ignored) {
            // an index that did get an event keeps it (unique global index); unreachable store: readers time out
        }
    }

    private Document toDocument(EventMessage<?> message, long globalIndex, Serializer serializer, Instant recordedAt) {
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        String aggregateId;
        long sequence;
        String aggregateType;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
            aggregateType = domain.getType();
        } else {
            // a plain event is its own single-event stream, as in Axon's JDBC engine
            aggregateId = message.getIdentifier();
            sequence = 0;
            aggregateType = null;
        }
        Document doc = new Document("_id", eventKey(aggregateId, sequence))
                .append(LedgerFields.GLOBAL_INDEX, globalIndex)
                .append(LedgerFields.AGGREGATE_ID, aggregateId)
                .append(LedgerFields.SEQUENCE, sequence)
                .append(LedgerFields.AGGREGATE_TYPE, aggregateType)
                .append(LedgerFields.EVENT_ID, message.getIdentifier())
                .append(LedgerFields.RECORDED_AT, RECORDED_AT.format(recordedAt))
                .append(LedgerFields.PAYLOAD_TYPE, payload.getType().getName())
                .append(LedgerFields.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(LedgerFields.PAYLOAD, payload.getData())
                .append(LedgerFields.META_DATA, metaData.getData());
        String school = partitionResolver.apply(message);
        if (school != null) {
            doc.append(LedgerFields.SCHOOL, school);
        }
        // hashed over the exact stored fields as they are about to be written
        doc.append(LedgerFields.LEAF_HASH, java.util.HexFormat.of().formatHex(LeafEncoding.leafHash(doc)));
        return doc;
    }

    static String eventKey(String aggregateId, long sequence) {
        return aggregateId + ":" + sequence;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        try {
            Document doc = toDocument(snapshot, -1, serializer, snapshot.getTimestamp());
            doc.put("_id", snapshot.getAggregateIdentifier());
            doc.remove(LedgerFields.GLOBAL_INDEX);
            doc.remove(LedgerFields.LEAF_HASH); // snapshots are a cache, not evidence
            // keep only the newest snapshot per aggregate; an older one arriving late never overwrites it
            Bson olderOrAbsent = com.mongodb.client.model.Filters.and(
                    eq("_id", snapshot.getAggregateIdentifier()),
                    com.mongodb.client.model.Filters.lt(LedgerFields.SEQUENCE, snapshot.getSequenceNumber()));
            try {
                snapshots.replaceOne(olderOrAbsent, doc, new ReplaceOptions().upsert(true));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // a newer snapshot is already stored
            }
        } catch (MongoException e) {
            handlePersistenceException(e, snapshot);
        }
    }

    // ------------------------------------------------------------------ aggregate reads

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long s = firstSequenceNumber; s < firstSequenceNumber + batchSize; s++) {
            keys.add(eventKey(aggregateIdentifier, s));
        }
        List<Document> found = events.find(in("_id", keys)).into(new ArrayList<>(batchSize));
        found.sort(Comparator.comparingLong(d -> d.getLong(LedgerFields.SEQUENCE)));
        List<DomainEventData<?>> result = new ArrayList<>(found.size());
        long expected = firstSequenceNumber;
        for (Document doc : found) {
            if (doc.getLong(LedgerFields.SEQUENCE) != expected) {
                break; // a stream never has holes; stop at the first one rather than skip
            }
            result.add(toEntry(doc));
            expected++;
        }
        return result;
    }

    /**
     * Loads an aggregate in growing windows (16, 64, 256, then the batch size): most aggregates are short, and each
     * key asked for costs an index lookup even when no event exists for it.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Iterator<DomainEventData<?>> iterator = new Iterator<>() {
            private long next = firstSequenceNumber;
            private int window = Math.min(FIRST_AGGREGATE_WINDOW, batchSize());
            private Iterator<? extends DomainEventData<?>> batch = List.<DomainEventData<?>>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && !exhausted) {
                    List<? extends DomainEventData<?>> found = fetchDomainEvents(identifier, next, window);
                    exhausted = found.size() < window;
                    next += found.size();
                    window = Math.min(window * 4, batchSize());
                    batch = found.iterator();
                }
                return batch.hasNext();
            }

            @Override
            public DomainEventData<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, 0), false);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(toEntry(doc));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!exists(aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        // exponential probe, then binary search, all on _id lookups
        long low = 0;
        long high = 1;
        while (exists(aggregateIdentifier, high)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (exists(aggregateIdentifier, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Optional.of(low);
    }

    private boolean exists(String aggregateId, long sequence) {
        return events.find(eq("_id", eventKey(aggregateId, sequence))).projection(new Document("_id", 1))
                     .first() != null;
    }

    // ------------------------------------------------------------------ streaming

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        Iterator<TrackedEventData<?>> iterator = new Iterator<>() {
            private TrackingToken last = trackingToken;
            private Iterator<? extends TrackedEventData<?>> batch = List.<TrackedEventData<?>>of().iterator();

            // asks again each time it ran dry, as Axon's own engines do: a consumer polling an open stream (the
            // event store with optimised consumption off) must see what was appended after an empty answer
            @Override
            public boolean hasNext() {
                if (!batch.hasNext()) {
                    batch = fetchTrackedEvents(last, trackedBatchSize).iterator();
                }
                return batch.hasNext();
            }

            @Override
            public TrackedEventData<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TrackedEventData<?> item = batch.next();
                last = item.trackingToken();
                return item;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, 0), false);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return gapAwareReads.fetch(lastToken, batchSize);
    }

    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, List.of());
    }

    @Override
    public TrackingToken createHeadToken() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        long reserved = counter == null ? 0 : ((Number) counter.get("value")).longValue();
        return GapAwareTrackingToken.newInstance(reserved, List.of());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(gte(LedgerFields.RECORDED_AT, RECORDED_AT.format(dateTime)))
                               .sort(Sorts.ascending(LedgerFields.GLOBAL_INDEX)).limit(1).first();
        if (first == null) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(first.getLong(LedgerFields.GLOBAL_INDEX) - 1, List.of());
    }

    static DomainEventData<String> toEntry(Document doc) {
        return toEntry(doc, doc.getString(LedgerFields.AGGREGATE_TYPE), doc.getString(LedgerFields.AGGREGATE_ID));
    }

    /** The stored event as Axon reads it, under the given record type and id (none for a plain event). */
    static DomainEventData<String> toEntry(Document doc, String aggregateType, String aggregateId) {
        return new GenericDomainEventEntry<>(aggregateType, aggregateId,
                                             doc.getLong(LedgerFields.SEQUENCE),
                                             doc.getString(LedgerFields.EVENT_ID),
                                             doc.getString(LedgerFields.RECORDED_AT),
                                             doc.getString(LedgerFields.PAYLOAD_TYPE),
                                             doc.getString(LedgerFields.PAYLOAD_REVISION),
                                             doc.getString(LedgerFields.PAYLOAD),
                                             doc.getString(LedgerFields.META_DATA));
    }

    /** Duplicate key (code 11000) on any MongoDB, the embedded server included. */
    static final PersistenceExceptionResolver DUPLICATE_KEY = exception -> {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (exception instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return exception instanceof com.mongodb.DuplicateKeyException;
    };

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private String eventsCollection = "events";
        private String snapshotsCollection = "snapshots";
        private String countersCollection = "ledger_counters";
        private Function<EventMessage<?>, String> partitionResolver =
                m -> (String) m.getMetaData().get("schoolUrn");
        private int trackedBatchSize = 1000;
        private int maxGapOffset = 10_000;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Duration writeDeadline = Duration.ofSeconds(10);
        private LongSupplier nanoClock = System::nanoTime;
        private boolean ensureIndexes = true;
        private Runnable afterReserve = () -> { };
        private Clock clock = Clock.systemUTC();
        private java.util.function.Consumer<List<Document>> onAppended = docs -> { };

        Builder() {
            persistenceExceptionResolver(DUPLICATE_KEY);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder eventsCollection(String name) {
            this.eventsCollection = name;
            return this;
        }

        public Builder snapshotsCollection(String name) {
            this.snapshotsCollection = name;
            return this;
        }

        public Builder countersCollection(String name) {
            this.countersCollection = name;
            return this;
        }

        /** Which top-level partition (the school) an event belongs to; stored as an indexed field. */
        public Builder partitionResolver(Function<EventMessage<?>, String> resolver) {
            this.partitionResolver = resolver;
            return this;
        }

        public Builder trackedBatchSize(int size) {
            this.trackedBatchSize = size;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** How long readers wait for a reserved index; must exceed the write deadline. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder writeDeadline(Duration writeDeadline) {
            this.writeDeadline = writeDeadline;
            return this;
        }

        Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /** Test hook: runs between reserving global indexes and inserting the events. */
        Builder afterReserve(Runnable hook) {
            this.afterReserve = hook;
            return this;
        }

        /** The clock that stamps each event's recorded time (when its position is reserved). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Told each append's documents exactly as stored, on the appending thread (write receipts). */
        public Builder appendListener(java.util.function.Consumer<List<Document>> listener) {
            this.onAppended = listener;
            return this;
        }

        public Builder ensureIndexes(boolean ensureIndexes) {
            this.ensureIndexes = ensureIndexes;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is required");
            }
            if (gapTimeout.compareTo(writeDeadline) <= 0) {
                throw new AxonConfigurationException("gapTimeout must be longer than writeDeadline");
            }
        }

        /** A reader of the collections an engine built from this builder would write, without building one. */
        public LedgerReader reader() {
            MongoDatabase durable = LedgerConcerns.durable(database);
            return new LedgerReader(durable.getCollection(eventsCollection), durable.getCollection(countersCollection));
        }

        public MongoLedgerStorageEngine build() {
            validate();
            return new MongoLedgerStorageEngine(this);
        }
    }
}
