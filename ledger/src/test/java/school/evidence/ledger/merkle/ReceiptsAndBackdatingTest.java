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
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What only receipts and recorded times can catch: an event rewritten together with its stored hash and its leaf, and
 * an event slipped into the store with a recorded time in the past and a correct leaf hash.
 */
class ReceiptsAndBackdatingTest {

    record Noted(String note) {
    }

    private static final String SCHOOL = "108520";
    private static MongoServer server;
    private static MongoClient client;
    private static KeyPair keys;
    private MongoDatabase db;
    private MongoLedgerStorageEngine engine;
    private SchoolLog log;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        keys = LedgerKeys.generate();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshLedger() {
        db = client.getDatabase("receipts_" + UUID.randomUUID().toString().replace("-", ""));
        engine = MongoLedgerStorageEngine.builder().database(db).eventSerializer(LedgerSerializers.events())
                                         .snapshotSerializer(LedgerSerializers.events()).build();
        log = new SchoolLog(db, event -> Receipt.of(event, "k1", keys.getPrivate()));
    }

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            String id = "v" + log.size(SCHOOL);
            engine.appendEvents(new GenericDomainEventMessage<>("Activity", id, 0, new Noted("visit " + id),
                                                                MetaData.with("schoolUrn", SCHOOL)));
            log.add(id + ":0");
        }
    }

    private Checkpoints checkpoints() {
        return new Checkpoints(db, Clock.systemUTC());
    }

    private Checkpoint sign() {
        return checkpoints().issue(SCHOOL, "k1", keys.getPrivate()).orElseThrow().checkpoint();
    }

    /** The tamperer's full rewrite: payload, the event's stored leaf hash and the log's leaf, all consistent. */
    private void rewrite(String eventKey, String from, String to) {
        var events = db.getCollection("events");
        Document event = events.find(new Document("_id", eventKey)).first();
        event.put("payload", event.getString("payload").replace(from, to));
        String hash = HexFormat.of().formatHex(LeafEncoding.leafHash(event));
        event.put("leafHash", hash);
        events.replaceOne(new Document("_id", eventKey), event);
        db.getCollection(SchoolLog.LEAVES).updateOne(new Document("eventKey", eventKey),
                                                     new Document("$set", new Document("leafHash", hash)));
    }

    @Test
    void anEventRewrittenWithItsStoredHashAndItsLeafIsNamedByTheReceiptKeptWithItsLeaf() {
        record(12);
        Checkpoint checkpoint = sign();
        assertThat(checkpoint.receiptsFrom()).isZero();
        rewrite("v5:0", "visit v5", "visit v9");
        LedgerVerifier.Report report = new LedgerVerifier(db).verify(checkpoint, keys.getPublic());
        assertThat(report.problems()).extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                                     .containsExactly(tuple(LedgerVerifier.Failure.CHANGED, "v5:0"));
        assertThat(report.summary()).contains("receipt");

        // removing the receipt from the leaf as well names it too
        db.getCollection(SchoolLog.LEAVES).updateOne(new Document("eventKey", "v5:0"),
                                                     new Document("$unset", new Document("receipt", "")));
        assertThat(new LedgerVerifier(db).verify(checkpoint, keys.getPublic()).problems())
                .extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                .containsExactly(tuple(LedgerVerifier.Failure.CHANGED, "v5:0"));
    }

    @Test
    void withoutReceiptsTheEarlierCheckpointsNarrowARewriteDownToItsEvent() {
        log = new SchoolLog(db); // leaves logged before receipts were kept
        List<Checkpoint> signed = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            record(1);
            signed.add(sign());
        }
        rewrite("v5:0", "visit v5", "visit v7");
        LedgerVerifier.Report report = new LedgerVerifier(db).verify(signed.get(7), keys.getPublic());
        assertThat(report.problems()).extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                                     .containsExactly(tuple(LedgerVerifier.Failure.ROOT_MISMATCH, "v5:0"));
        assertThat(report.problems().get(0).leafIndex()).isEqualTo(5);
    }

    @Test
    void aBackdatedEventWithACorrectLeafHashIsNeverSignedAndIsNamed() {
        record(6);
        Checkpoint before = sign();
        // slipped into the store directly: next free position, recorded "in 2023", its leaf hash computed correctly
        Document forged = db.getCollection("events").find(new Document("_id", "v1:0")).first();
        long next = db.getCollection("events").countDocuments() + 1;
        db.getCollection("ledger_counters").updateOne(new Document("_id", "globalIndex"),
                                                      new Document("$inc", new Document("value", 1L)));
        forged.putAll(new Document("_id", "forged:0").append("aggregateId", "forged").append("globalIndex", next)
                              .append("eventId", UUID.randomUUID().toString())
                              .append("recordedAt", "2023-10-02T09:00:00.000000000Z")
                              .append("payload", "{\"note\":\"a visit that never happened\"}"));
        forged.put("leafHash", HexFormat.of().formatHex(LeafEncoding.leafHash(forged)));
        db.getCollection("events").insertOne(forged);
        log.add("forged:0"); // the ledger index logs whatever the store holds
        record(2);

        Checkpoints.Issued issued = checkpoints().issue(SCHOOL, "k1", keys.getPrivate()).orElseThrow();
        assertThat(issued.withheld().eventKey()).isEqualTo("forged:0");
        assertThat(issued.checkpoint().treeSize()).as("signed up to the leaf before it").isEqualTo(6);
        assertThat(issued.checkpoint()).isEqualTo(before);
        LedgerVerifier.Report report = new LedgerVerifier(db).verify(issued.checkpoint(), keys.getPublic());
        assertThat(report.problems()).extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                                     .containsExactly(tuple(LedgerVerifier.Failure.BACKDATED, "forged:0"));

        // a checkpoint that did sign it (an older version of the service would have) is reported too
        long size = log.size(SCHOOL);
        Checkpoint careless = Checkpoint.sign(SCHOOL, size, log.tree(SCHOOL, size).root(), next + 2, Instant.now(), "k1",
                                              keys.getPrivate(), 0L);
        assertThat(new LedgerVerifier(db).verify(careless, keys.getPublic()).problems())
                .extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                .containsExactly(tuple(LedgerVerifier.Failure.BACKDATED, "forged:0"));
    }

    /**
     * A school quiet since 2024: an event forged "in 2025" trails nothing of its own school, but it trails the event
     * in the ledger's position before it, written by another school this year.
     */
    @Test
    void aBackdatedEventInAQuietSchoolIsCaughtByThePositionBeforeIt() {
        MongoLedgerStorageEngine in2024 = MongoLedgerStorageEngine.builder().database(db)
                .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events())
                .clock(Clock.fixed(Instant.parse("2024-03-01T09:00:00Z"), java.time.ZoneOffset.UTC)).build();
        for (int i = 0; i < 3; i++) {
            in2024.appendEvents(new GenericDomainEventMessage<>("Activity", "q" + i, 0, new Noted("visit " + i),
                                                                MetaData.with("schoolUrn", SCHOOL)));
            log.add("q" + i + ":0");
        }
        Checkpoint quiet = sign();
        for (int i = 0; i < 3; i++) { // another school, today
            engine.appendEvents(new GenericDomainEventMessage<>("Activity", "o" + i, 0, new Noted("other " + i),
                                                                MetaData.with("schoolUrn", "100000")));
            log.add("o" + i + ":0");
        }
        Document forged = db.getCollection("events").find(new Document("_id", "q1:0")).first();
        Document counter = db.getCollection("ledger_counters").findOneAndUpdate(new Document("_id", "globalIndex"),
                new Document("$inc", new Document("value", 1L)));
        forged.putAll(new Document("_id", "forged:0").append("aggregateId", "forged")
                              .append("globalIndex", ((Number) counter.get("value")).longValue() + 1)
                              .append("eventId", UUID.randomUUID().toString())
                              .append("recordedAt", "2025-01-15T09:00:00.000000000Z"));
        forged.put("leafHash", HexFormat.of().formatHex(LeafEncoding.leafHash(forged)));
        db.getCollection("events").insertOne(forged);
        log.add("forged:0");

        Checkpoints.Issued issued = checkpoints().issue(SCHOOL, "k1", keys.getPrivate()).orElseThrow();
        assertThat(issued.withheld().eventKey()).isEqualTo("forged:0");
        assertThat(issued.checkpoint()).isEqualTo(quiet);
        assertThat(new LedgerVerifier(db).verify(quiet, keys.getPublic()).problems())
                .extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                .containsExactly(tuple(LedgerVerifier.Failure.BACKDATED, "forged:0"));
    }

    @Test
    void theEngineRecordsWhenItReservesThePositionNotTheTimeTheMessageClaims() {
        Instant before = Instant.now();
        engine.appendEvents(new GenericDomainEventMessage<>("Activity", "old", 0, new Noted("claims 2020"),
                                                            MetaData.with("schoolUrn", SCHOOL), UUID.randomUUID().toString(),
                                                            Instant.parse("2020-01-01T00:00:00Z")));
        String recordedAt = db.getCollection("events").find(new Document("_id", "old:0")).first().getString("recordedAt");
        assertThat(Instant.parse(recordedAt)).isAfterOrEqualTo(before.minusMillis(1));
    }

    @Test
    void aReceiptVerifiesWithThePublicKeyAloneAndContradictsAStoreChangedOrEmptiedAfterwards() {
        record(3);
        List<Receipt> held = db.getCollection("events").find().into(new java.util.ArrayList<>()).stream()
                               .map(e -> Receipt.of(e, "k1", keys.getPrivate())).toList();
        assertThat(held).allMatch(r -> r.verifies(keys.getPublic()));
        Receipt first = held.get(0);
        Receipt altered = new Receipt(first.school(), first.eventKey(), first.globalIndex() + 1, first.leafHash(),
                                      first.recordedAt(), first.keyId(), first.signature());
        assertThat(altered.verifies(keys.getPublic())).isFalse();
        assertThat(first.verifies(LedgerKeys.generate().getPublic())).isFalse();
        // a receipt read back from the JSON a write's reply carried
        assertThat(Receipt.parse(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                java.util.Map.of("receipts", List.of(first.toDocument()))))).containsExactly(first);

        LedgerVerifier verifier = new LedgerVerifier(db);
        assertThat(verifier.checkReceipts(held, keys.getPublic())).isEmpty();
        rewrite("v1:0", "visit v1", "visit v2");
        db.getCollection("events").deleteOne(new Document("_id", "v2:0"));
        assertThat(verifier.checkReceipts(held, keys.getPublic()))
                .extracting(LedgerVerifier.Problem::kind, LedgerVerifier.Problem::eventKey)
                .containsExactly(tuple(LedgerVerifier.Failure.CHANGED, "v1:0"), tuple(LedgerVerifier.Failure.MISSING, "v2:0"));
    }
}
