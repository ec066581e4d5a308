package school.evidence.ledger;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every deployment of the ledger engine must meet. Subclasses supply the database: the embedded
 * wire-protocol server in every build, a real MongoDB replica set where Docker exists.
 */
abstract class EventStorageEngineContract {

    record LessonNoted(String school, String note) {
    }

    protected abstract MongoDatabase freshDatabase();

    private MongoDatabase db;
    private final JacksonSerializer serializer = LedgerSerializers.events();
    private final AtomicLong fakeNanos = new AtomicLong();

    @BeforeEach
    void setUp() {
        db = freshDatabase();
    }

    private MongoLedgerStorageEngine.Builder engineBuilder() {
        return MongoLedgerStorageEngine.builder().database(db).eventSerializer(serializer)
                                       .snapshotSerializer(serializer).nanoClock(fakeNanos::get);
    }

    private MongoLedgerStorageEngine engine() {
        return engineBuilder().build();
    }

    private static DomainEventMessage<LessonNoted> event(String aggregate, long seq, String note) {
        return new GenericDomainEventMessage<>("Activity", aggregate, seq, new LessonNoted("108520", note),
                                               MetaData.with("schoolUrn", "108520").and("actor", "slt"));
    }

    private static List<String> notes(List<? extends TrackedEventMessage<?>> messages) {
        return messages.stream().map(m -> ((LessonNoted) m.getPayload()).note()).toList();
    }

    private static List<? extends TrackedEventMessage<?>> readAll(MongoLedgerStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).toList();
    }

    @Test
    void appendsAndLoadsAnAggregateStreamInOrderWithPayloadAndMetadata() {
        MongoLedgerStorageEngine engine = engine();
        engine.appendEvents(event("a1", 0, "first"), event("a1", 1, "second"));
        engine.appendEvents(event("other", 0, "elsewhere"));
        engine.appendEvents(event("a1", 2, "third"));

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("a1").asStream().toList();

        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(loaded).extracting(m -> ((LessonNoted) m.getPayload()).note())
                          .containsExactly("first", "second", "third");
        assertThat(loaded.get(0).getMetaData()).containsEntry("actor", "slt");
        assertThat(engine.readEvents("a1", 2).asStream().toList()).hasSize(1);
        assertThat(engine.lastSequenceNumberFor("a1")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void loadsLongStreamsAcrossSeveralBatches() {
        MongoLedgerStorageEngine engine = engineBuilder().batchSize(7).build();
        for (int i = 0; i < 50; i++) {
            engine.appendEvents(event("long", i, "n" + i));
        }
        assertThat(engine.readEvents("long").asStream().count()).isEqualTo(50);
        assertThat(engine.lastSequenceNumberFor("long")).contains(49L);
    }

    @Test
    void storesPayloadAndMetadataAsTheExactSerializedTextWithTheSchoolAsATopLevelField() {
        MongoLedgerStorageEngine engine = engine();
        DomainEventMessage<LessonNoted> message = event("a1", 0, "exact");
        engine.appendEvents(message);

        Document stored = db.getCollection("events").find(new Document("_id", "a1:0")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("payload"))
                .isEqualTo(message.serializePayload(serializer, String.class).getData());
        assertThat(stored.getString("metaData"))
                .isEqualTo(message.serializeMetaData(serializer, String.class).getData());
        assertThat(stored.getString("school")).isEqualTo("108520");
        assertThat(stored.getLong("globalIndex")).isEqualTo(1L);
    }

    @Test
    void storesALeafHashOverTheExactStoredFieldsThatAnyChangeBreaks() {
        MongoLedgerStorageEngine engine = engine();
        engine.appendEvents(event("a1", 0, "as recorded"));
        Document stored = db.getCollection("events").find(new Document("_id", "a1:0")).first();
        String leaf = stored.getString("leafHash");
        assertThat(leaf).hasSize(64);
        assertThat(java.util.HexFormat.of().formatHex(school.evidence.ledger.merkle.LeafEncoding.leafHash(stored)))
                .isEqualTo(leaf);

        Document tampered = new Document(stored);
        tampered.put("payload", stored.getString("payload").replace("as recorded", "as Recorded"));
        assertThat(java.util.HexFormat.of().formatHex(school.evidence.ledger.merkle.LeafEncoding.leafHash(tampered)))
                .isNotEqualTo(leaf);
        Document moved = new Document(stored);
        moved.put("globalIndex", 2L);
        assertThat(java.util.HexFormat.of().formatHex(school.evidence.ledger.merkle.LeafEncoding.leafHash(moved)))
                .isNotEqualTo(leaf);
    }

    @Test
    void rejectsAStaleAppendAtAnExistingSequenceAndKeepsTheFirst() {
        MongoLedgerStorageEngine engine = engine();
        engine.appendEvents(event("a1", 0, "created"), event("a1", 1, "winner"));

        assertThatThrownBy(() -> engine.appendEvents(event("a1", 1, "loser")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(notes(readAll(engine, null))).containsExactly("created", "winner");
    }

    /**
     * The driver retries a write when the connection drops; if the first attempt had landed, the retry meets the
     * event itself. That is the same event stored once, not a conflict (found by the database-outage test).
     */
    @Test
    void aRetriedAppendWhoseFirstAttemptLandedSucceedsAndStoresItOnce() {
        MongoLedgerStorageEngine engine = engine();
        DomainEventMessage<LessonNoted> created = event("a1", 0, "created");
        engine.appendEvents(created);
        engine.appendEvents(created); // the same message (same event id) again, as a retry sends it

        assertThat(notes(readAll(engine, null))).containsExactly("created");
        assertThat(db.getCollection("events").countDocuments(new Document("aggregateId", "a1"))).isEqualTo(1);
        // a different event at the same place is still a conflict
        assertThatThrownBy(() -> engine.appendEvents(event("a1", 0, "another")))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
    }

    @Test
    void concurrentAppendsAtTheSameSequenceLetExactlyOneWin() throws Exception {
        MongoLedgerStorageEngine engine = engine();
        engine.appendEvents(event("a1", 0, "created"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String note = "racer" + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(event("a1", 1, note));
                    return true;
                } catch (ConcurrencyException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> r : results) {
            wins += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        assertThat(engine.readEvents("a1").asStream().count()).isEqualTo(2);
        // the seven losers' reserved indexes are voided: a reader sees just the two events, without waiting
        assertThat(readAll(engine, null)).hasSize(2);
    }

    /**
     * Writers of different records never meet: each gets its own global position. (The embedded server once answered
     * two concurrent reservations with the same value, so a new lesson visit failed as "already registered".)
     */
    @Test
    void concurrentAppendsToDifferentRecordsEachGetTheirOwnPosition() throws Exception {
        MongoLedgerStorageEngine engine = engine();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 250; i++) {
                    engine.appendEvents(event("visit-" + writer + "-" + i, 0, "walk " + writer + "-" + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS); // a clash would surface here as AggregateStreamCreationException
        }
        pool.shutdown();
        List<? extends TrackedEventMessage<?>> all = readAll(engine, null);
        assertThat(all).hasSize(2_000);
        assertThat(all.stream().map(m -> ((GapAwareTrackingToken) m.trackingToken()).getIndex()).distinct())
                .hasSize(2_000);
    }

    @Test
    void streamsEveryEventExactlyOnceInGlobalOrder() {
        MongoLedgerStorageEngine engine = engineBuilder().trackedBatchSize(10).build();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            engine.appendEvents(event("agg" + (i % 4), i / 4, "e" + i));
            expected.add("e" + i);
        }
        List<? extends TrackedEventMessage<?>> all = readAll(engine, null);
        assertThat(notes(all)).containsExactlyElementsOf(expected);
        assertThat(all).extracting(m -> m.trackingToken().position().getAsLong())
                       .isSorted().doesNotHaveDuplicates();
    }

    /** An append of {@code note} that has reserved its global index and waits before inserting. */
    private record PausedWriter(Thread thread, CountDownLatch release) {
        void finish() throws InterruptedException {
            release.countDown();
            thread.join(10_000);
        }
    }

    private PausedWriter pausedAfterReserving(String note) throws InterruptedException {
        return pausedAfterReserving(note, engineBuilder());
    }

    private PausedWriter pausedAfterReserving(String note, MongoLedgerStorageEngine.Builder builder)
            throws InterruptedException {
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> slowThread = new AtomicReference<>();
        MongoLedgerStorageEngine slow = builder.afterReserve(() -> {
            if (Thread.currentThread() == slowThread.get()) {
                reserved.countDown();
                await(release);
            }
        }).build();
        Thread writer = new Thread(() -> slow.appendEvents(event("slow", 0, note)));
        slowThread.set(writer);
        writer.start();
        assertThat(reserved.await(10, TimeUnit.SECONDS)).isTrue();
        return new PausedWriter(writer, release);
    }

    @Test
    void deliversAnEventWhoseIndexWasReservedBeforeButCommittedAfterALaterOne() throws Exception {
        MongoLedgerStorageEngine fast = engine();
        PausedWriter writer = pausedAfterReserving("reserved-first");
        fast.appendEvents(event("fast", 0, "committed-first"));

        List<? extends TrackedEventMessage<?>> firstRead = readAll(fast, null);
        assertThat(notes(firstRead)).containsExactly("committed-first");
        TrackingToken afterFirstRead = firstRead.get(0).trackingToken();
        assertThat(((GapAwareTrackingToken) afterFirstRead).getGaps()).containsExactly(1L);

        writer.finish();

        List<? extends TrackedEventMessage<?>> secondRead = readAll(fast, afterFirstRead);
        assertThat(notes(secondRead)).containsExactly("reserved-first");
        assertThat(readAll(fast, secondRead.get(0).trackingToken())).isEmpty();
    }

    @Test
    void aReaderThatCouldNotLookForLongerThanTheGapTimeoutLooksOnceMoreBeforeSkipping() throws Exception {
        MongoLedgerStorageEngine reader = engineBuilder().gapTimeout(Duration.ofSeconds(60)).build();
        PausedWriter writer = pausedAfterReserving("reply-lost-in-the-outage");
        reader.appendEvents(event("fast", 0, "committed-first"));
        TrackingToken token = readAll(reader, null).get(0).trackingToken(); // the gap's clock starts
        writer.finish();

        // the reader could not read for longer than the gap timeout (database unreachable, backing off)
        fakeNanos.addAndGet(Duration.ofSeconds(90).toNanos());
        assertThat(notes(readAll(reader, token))).containsExactly("reply-lost-in-the-outage");
    }

    @Test
    void stopsWaitingForAReservedIndexThatNeverCommitsAfterTheGapTimeout() {
        MongoLedgerStorageEngine engine = engineBuilder().gapTimeout(Duration.ofSeconds(60)).build();
        // a writer that reserved index 1 and died before inserting
        db.getCollection("ledger_counters").insertOne(new Document("_id", "globalIndex").append("value", 1L));
        engine.appendEvents(event("a1", 0, "after-the-hole"));

        TrackingToken token = readAll(engine, null).get(0).trackingToken();
        assertThat(((GapAwareTrackingToken) token).getGaps()).containsExactly(1L);
        readAll(engine, token); // first sighting of the gap starts its clock
        fakeNanos.addAndGet(Duration.ofSeconds(61).toNanos());
        engine.appendEvents(event("a1", 1, "later"));

        List<? extends TrackedEventMessage<?>> next = readAll(engine, token);
        assertThat(notes(next)).containsExactly("later");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps()).isEmpty();
    }

    /**
     * A send stalled past the gap timeout (its deadline check had passed: a stalled primary, majority lag). The reader
     * gives the position up by writing a void there, so the late event meets the unique position index and goes
     * again at a new position: it is delivered once, never skipped.
     */
    @Test
    void anEventWhosePositionWasGivenUpWhileItWasOnItsWayIsAppendedAgainAndDelivered() throws Exception {
        MongoLedgerStorageEngine reader = engineBuilder().gapTimeout(Duration.ofSeconds(60)).build();
        PausedWriter stalled = pausedAfterReserving("stalled-send", engineBuilder().nanoClock(() -> 0L));
        reader.appendEvents(event("fast", 0, "committed-first"));
        TrackingToken token = readAll(reader, null).get(0).trackingToken();
        readAll(reader, token); // the gap's clock starts
        fakeNanos.addAndGet(Duration.ofSeconds(61).toNanos());
        reader.appendEvents(event("fast", 1, "after"));
        List<? extends TrackedEventMessage<?>> next = readAll(reader, token);
        assertThat(notes(next)).containsExactly("after");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(db.getCollection("events").find(new Document("globalIndex", 1L)).first().getBoolean("void"))
                .as("the position given up holds a void").isTrue();

        stalled.finish();

        List<? extends TrackedEventMessage<?>> late = readAll(reader, next.get(0).trackingToken());
        assertThat(notes(late)).containsExactly("stalled-send");
        assertThat(late.get(0).trackingToken().position().getAsLong()).isEqualTo(4L);
    }

    /** A clash on the position index is not a conflict with another writer: only the aggregate's sequence is. */
    @Test
    void aPositionTakenByAVoidIsRetriedAtANewPositionNotRefusedAsAConflict() {
        java.util.concurrent.atomic.AtomicBoolean voidedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        MongoLedgerStorageEngine engine = engineBuilder().afterReserve(() -> {
            if (voidedOnce.compareAndSet(false, true)) {
                long reserved = db.getCollection("ledger_counters").find(new Document("_id", "globalIndex")).first()
                                  .getLong("value");
                db.getCollection("events").insertOne(new Document("_id", "#void:" + reserved)
                                                             .append("globalIndex", reserved).append("void", true));
            }
        }).build();

        engine.appendEvents(event("a1", 0, "created"));

        assertThat(notes(readAll(engine, null))).containsExactly("created");
        assertThat(db.getCollection("events").find(new Document("_id", "a1:0")).first().getLong("globalIndex"))
                .isEqualTo(2L);
        assertThatThrownBy(() -> engine.appendEvents(event("a1", 0, "stale"))).isInstanceOf(
                org.axonframework.modelling.command.AggregateStreamCreationException.class);
    }

    @Test
    void stepsPastARunOfDeadReservationsLongerThanOneBatch() {
        MongoLedgerStorageEngine engine = engineBuilder().trackedBatchSize(10).build();
        db.getCollection("ledger_counters").insertOne(new Document("_id", "globalIndex").append("value", 25L));
        engine.appendEvents(event("a1", 0, "beyond-the-holes"));

        assertThat(readAll(engine, null)).isEmpty(); // writers may still be inserting 1..25
        fakeNanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(notes(readAll(engine, null))).containsExactly("beyond-the-holes");
    }

    record PlanNoted(String note) {
    }

    /** A read model of a school's plans is made again from the plans' events: not another school's, nor a visit. */
    @Test
    void readsOneSchoolsEventsOfSomeKindsInOrderUpToAPosition() {
        MongoLedgerStorageEngine engine = engine();
        for (int i = 0; i < 12; i++) {
            String school = i % 3 == 0 ? "100000" : "108520";
            Object payload = i % 2 == 0 ? new PlanNoted("plan " + i) : new LessonNoted(school, "visit " + i);
            engine.appendEvents(new GenericDomainEventMessage<>("Activity", "r" + i, 0, payload,
                                                                MetaData.with("schoolUrn", school)));
        }
        List<String> kinds = List.of(PlanNoted.class.getName());

        try (var read = engine.readEventsOfSchool("108520", kinds, 10)) {
            List<? extends TrackedEventMessage<?>> plans = read.toList();
            assertThat(plans).extracting(m -> ((PlanNoted) m.getPayload()).note()).containsExactly("plan 2", "plan 4",
                                                                                                   "plan 8");
            assertThat(plans).extracting(m -> m.trackingToken().position().getAsLong()).containsExactly(3L, 5L, 9L);
        }
        try (var read = engine.readEventsOfSchool("108520", 12)) {
            assertThat(read.count()).as("every kind").isEqualTo(8);
        }
    }

    @Test
    void resumesFromAStoredTokenAfterARestart() {
        MongoLedgerStorageEngine engine = engine();
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(event("a1", i, "e" + i));
        }
        TrackingToken token = readAll(engine, null).get(2).trackingToken();
        JacksonSerializer tokenSerializer = LedgerSerializers.framework();
        var storedToken = tokenSerializer.serialize(token, String.class);

        MongoLedgerStorageEngine restarted = engine();
        restarted.appendEvents(event("a1", 5, "e5"));
        TrackingToken resumed = tokenSerializer.deserialize(new SimpleSerializedObject<>(
                storedToken.getData(), String.class, storedToken.getType()));

        assertThat(notes(readAll(restarted, resumed))).containsExactly("e3", "e4", "e5");
    }

    @Test
    void storesTheNewestSnapshotAndLoadsOnlyTheEventsAfterIt() {
        MongoLedgerStorageEngine engine = engine();
        for (int i = 0; i < 4; i++) {
            engine.appendEvents(event("a1", i, "e" + i));
        }
        engine.storeSnapshot(event("a1", 2, "snapshot@2"));
        engine.storeSnapshot(event("a1", 1, "older snapshot arriving late"));

        DomainEventMessage<?> snapshot = engine.readSnapshot("a1").orElseThrow();
        assertThat(((LessonNoted) snapshot.getPayload()).note()).isEqualTo("snapshot@2");
        assertThat(engine.readEvents("a1", snapshot.getSequenceNumber() + 1).asStream()
                         .map(m -> ((LessonNoted) m.getPayload()).note()).toList()).containsExactly("e3");
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void headAndTailTokensBracketTheStream() {
        MongoLedgerStorageEngine engine = engine();
        engine.appendEvents(event("a1", 0, "e0"));
        engine.appendEvents(event("a1", 1, "e1"));
        assertThat(readAll(engine, engine.createTailToken())).hasSize(2);
        assertThat(readAll(engine, engine.createHeadToken())).isEmpty();
        engine.appendEvents(event("a1", 2, "e2"));
        assertThat(notes(readAll(engine, engine.createTokenAt(java.time.Instant.EPOCH))))
                .containsExactly("e0", "e1", "e2");
    }

    @Test
    void indexesTheFieldsTheHotPathsLookUp() {
        engine();
        List<Map<String, Object>> keys = db.getCollection("events").listIndexes().into(new ArrayList<>())
                                           .stream().map(d -> (Map<String, Object>) d.get("key", Document.class))
                                           .toList();
        assertThat(keys).anySatisfy(k -> assertThat(k).containsOnlyKeys("globalIndex"));
        assertThat(keys).anySatisfy(k -> assertThat(k).containsOnlyKeys("aggregateId", "sequenceNumber"));
        assertThat(keys).anySatisfy(k -> assertThat(k).containsOnlyKeys("school", "globalIndex"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
