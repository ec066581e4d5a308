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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The four tamper cases, done directly in the database after a checkpoint was signed, each caught and named. */
class LedgerVerifierTest {

    record Noted(String note) {
    }

    private static MongoServer server;
    private static MongoClient client;
    private static KeyPair keys;
    private MongoDatabase db;
    private SchoolLog log;
    private Checkpoint checkpoint;

    @BeforeAll
    static void start() throws Exception {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void recordAndCheckpoint() {
        db = client.getDatabase("verify_" + UUID.randomUUID().toString().replace("-", ""));
        MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder().database(db)
                .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events()).build();
        log = new SchoolLog(db);
        for (int i = 0; i < 20; i++) {
            String school = i % 4 == 3 ? "100000" : "108520";
            engine.appendEvents(new GenericDomainEventMessage<>("Activity", "v" + i, 0, new Noted("visit " + i),
                                                                MetaData.with("schoolUrn", school)));
            log.add("v" + i + ":0");
            log.add("v" + i + ":0"); // a redelivered event is not added twice
        }
        long size = log.size("108520");
        assertThat(size).isEqualTo(15);
        checkpoint = Checkpoint.sign("108520", size, log.tree("108520", size).root(), 20, Instant.parse("2024-07-22T16:00:00Z"),
                                     "demo", keys.getPrivate());
    }

    private LedgerVerifier.Report verify() {
        return new LedgerVerifier(db).verify(checkpoint, keys.getPublic());
    }

    @Test
    void anUntamperedLogVerifies() {
        LedgerVerifier.Report report = verify();
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.summary()).isEqualTo("verified up to 15 events");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyOrAlteredFails() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(new LedgerVerifier(db).verify(checkpoint, other.getPublic()).problems().get(0).kind())
                .isEqualTo(LedgerVerifier.Failure.BAD_SIGNATURE);
        Checkpoint inflated = new Checkpoint(checkpoint.school(), 14, checkpoint.rootHash(), 20, checkpoint.issuedAt(),
                                             checkpoint.keyId(), checkpoint.signature());
        assertThat(inflated.verifies(keys.getPublic())).isFalse();
    }

    @Test
    void oneChangedByteOfAPayloadIsNamed() {
        Document event = db.getCollection("events").find(new Document("_id", "v5:0")).first();
        db.getCollection("events").updateOne(new Document("_id", "v5:0"), new Document("$set",
                new Document("payload", event.getString("payload").replace("visit 5", "visit 6"))));
        LedgerVerifier.Report report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.problems().get(0).kind()).isEqualTo(LedgerVerifier.Failure.CHANGED);
        assertThat(report.problems().get(0).eventKey()).isEqualTo("v5:0");
    }

    @Test
    void aDeletedEventIsNamed() {
        db.getCollection("events").deleteOne(new Document("_id", "v8:0"));
        LedgerVerifier.Report report = verify();
        assertThat(report.problems()).extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                                     .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerVerifier.Failure.MISSING, "v8:0"));
    }

    @Test
    void aForgedEventSlippedIntoTheCoveredRangeIsNamed() {
        Document forged = db.getCollection("events").find(new Document("_id", "v1:0")).first();
        forged.put("_id", "forged:0");
        forged.put("aggregateId", "forged");
        forged.put(school.evidence.ledger.LedgerFields.EVENT_ID, java.util.UUID.randomUUID().toString());
        forged.put("globalIndex", 0L); // never allocated by the ledger, inside what the checkpoint covered
        forged.put("payload", "{\"note\":\"a visit that never happened\"}");
        forged.put("leafHash", java.util.HexFormat.of().formatHex(LeafEncoding.leafHash(forged)));
        db.getCollection("events").insertOne(forged);
        LedgerVerifier.Report report = verify();
        assertThat(report.problems()).extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                                     .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerVerifier.Failure.INSERTED, "forged:0"));
    }

    @Test
    void twoSwappedEventsAreNamed() {
        var events = db.getCollection("events");
        long a = events.find(new Document("_id", "v4:0")).first().getLong("globalIndex");
        long b = events.find(new Document("_id", "v9:0")).first().getLong("globalIndex");
        // exchange their places in the ledger's order (the global index is unique, so via a free value)
        events.updateOne(new Document("_id", "v4:0"), new Document("$set", new Document("globalIndex", -1L)));
        events.updateOne(new Document("_id", "v9:0"), new Document("$set", new Document("globalIndex", a)));
        events.updateOne(new Document("_id", "v4:0"), new Document("$set", new Document("globalIndex", b)));
        LedgerVerifier.Report report = verify();
        assertThat(report.problems()).extracting(LedgerVerifier.Problem::kind)
                                     .containsOnly(LedgerVerifier.Failure.REORDERED);
        assertThat(report.problems()).extracting(LedgerVerifier.Problem::eventKey).containsExactly("v4:0", "v9:0");
        assertThat(report.summary()).contains("moved from global index " + a + " to " + b);
    }

    @Test
    void anUntamperedStoreOf100000EventsVerifies() {
        MongoDatabase big = client.getDatabase("verify_big_" + UUID.randomUUID().toString().replace("-", ""));
        MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder().database(big)
                .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events()).build();
        SchoolLog bigLog = new SchoolLog(big);
        java.util.List<String> eventKeys = new java.util.ArrayList<>();
        for (int a = 0; a < 10_000; a++) {
            java.util.List<org.axonframework.eventhandling.EventMessage<?>> batch = new java.util.ArrayList<>();
            for (int s = 0; s < 10; s++) {
                batch.add(new GenericDomainEventMessage<>("Activity", "b" + a, s, new Noted("note " + a + "." + s),
                                                          MetaData.with("schoolUrn", "108520")));
                eventKeys.add("b" + a + ":" + s);
            }
            engine.appendEvents(batch);
        }
        bigLog.addAll(eventKeys);
        assertThat(bigLog.size("108520")).isEqualTo(100_000);
        Checkpoint signed = Checkpoint.sign("108520", 100_000, bigLog.tree("108520", 100_000).root(), 100_000,
                                            Instant.now(), "demo", keys.getPrivate());
        long started = System.nanoTime();
        LedgerVerifier.Report report = new LedgerVerifier(big).verify(signed, LedgerVerifierTest.keys.getPublic());
        System.out.printf("verified %d events in %d ms%n", report.verifiedLeaves(), (System.nanoTime() - started) / 1_000_000);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.summary()).isEqualTo("verified up to 100000 events");
        big.drop();
    }

    private static Document withId(String id, Document content) {
        Document doc = new Document("_id", id);
        doc.putAll(content);
        return doc;
    }
}
