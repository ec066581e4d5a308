package school.evidence.ledger.merkle;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding many events at once builds the same per-school logs as adding them one by one, crash leftovers included. */
class SchoolLogTest {

    record Noted(String note) {
    }

    private static final List<String> SCHOOLS = List.of("108520", "100000", "136721");
    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    /** 30 events of three schools in turn (and one of no school), stored; their keys in stream order. */
    private static List<String> stored(MongoDatabase db) {
        MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder().database(db)
                .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events()).build();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            MetaData school = i == 7 ? MetaData.emptyInstance() : MetaData.with("schoolUrn", SCHOOLS.get(i % 3));
            engine.appendEvents(new GenericDomainEventMessage<>("Activity", "v" + i, 0, new Noted("visit " + i), school));
            keys.add("v" + i + ":0");
        }
        return keys;
    }

    private static final java.security.KeyPair KEY = LedgerKeys.generate();

    private static MongoDatabase fresh() {
        return client.getDatabase("log_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static List<Document> all(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** Each database stored its own events (their ids and times differ, so do their hashes): compare the rest. */
    private static List<Document> withoutHashes(List<Document> documents) {
        documents.forEach(d -> {
            d.remove("leafHash");
            d.remove("globalIndex");
            d.remove("recordedAt");
            d.remove("receipt");
        });
        return documents;
    }

    @Test
    void manyAtOnceBuildTheLogsOneByOneWouldAfterACrashLeftOneHalfAdded() {
        MongoDatabase oneByOne = fresh();
        List<String> keys = stored(oneByOne);
        SchoolLog single = new SchoolLog(oneByOne, event -> Receipt.of(event, "k", KEY.getPrivate()));
        keys.forEach(single::add);

        MongoDatabase batched = fresh();
        stored(batched);
        SchoolLog many = new SchoolLog(batched, event -> Receipt.of(event, "k", KEY.getPrivate()));
        many.addAll(keys.subList(0, 10));
        // a crash after the next event's index was reserved, before its leaf and the head were written
        batched.getCollection(SchoolLog.LEAF_OF).insertOne(new Document("_id", keys.get(10)).append("school", "100000")
                                                                                              .append("index", 2L));
        many.addAll(keys.subList(10, 30));
        many.addAll(keys); // redelivered: nothing changes

        for (String collection : List.of(SchoolLog.LEAVES, SchoolLog.LEAF_OF, SchoolLog.HEADS)) {
            assertThat(withoutHashes(all(batched, collection))).as(collection).isNotEmpty()
                                                               .isEqualTo(withoutHashes(all(oneByOne, collection)));
        }
        assertThat(SCHOOLS.stream().map(many::size).toList()).containsExactly(10L, 9L, 10L);
        assertThat(SCHOOLS.stream().map(s -> many.receiptsFrom(s).orElse(-1)).toList()).containsExactly(0L, 0L, 0L);
    }

    /** Eight nodes sign the same size at once, each at its own time: one signature stands, and all are handed it. */
    @Test
    void aSizeSignedOnceIsNeverReplacedByAnotherSigner() throws Exception {
        MongoDatabase db = fresh();
        new SchoolLog(db).addAll(stored(db));
        java.time.Instant first = java.time.Instant.parse("2026-12-04T09:00:00Z");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(8);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Checkpoint>> signed = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            Clock clock = Clock.fixed(first.plusSeconds(n), java.time.ZoneOffset.UTC);
            signed.add(nodes.submit(() -> {
                together.await();
                return new Checkpoints(db, clock).issue("100000", "k", KEY.getPrivate()).orElseThrow().checkpoint();
            }));
        }
        nodes.shutdown();
        java.util.Set<Checkpoint> handedOut = new java.util.HashSet<>();
        for (var f : signed) {
            handedOut.add(f.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        List<Checkpoint> stored = new Checkpoints(db, Clock.systemUTC()).all("100000");
        assertThat(stored).hasSize(1);
        assertThat(handedOut).containsExactly(stored.get(0));
    }
}
