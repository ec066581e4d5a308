package school.evidence.standalone;

import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.RawLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import school.evidence.ledger.merkle.MerkleTree;
import school.evidence.ledger.merkle.VerifyLedger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Checkpoints over HTTP, proofs checked here with nothing but the Merkle maths, and tampering caught. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "spring.application.name=ledger-e2e"})
class LedgerEndToEndTest {

    private static final String URN = "100010";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails connection;
    @Autowired
    com.mongodb.client.MongoClient client;

    /** On a replica set no acknowledged write can be rolled back, and no reader sees what might be (docs/consistency.md). */
    @Test
    void everyCollectionWritesToAMajorityAndReadsOnlyWhatAMajorityHas() {
        for (MongoDatabase db : List.of(database, client.getDatabase("trackingtokens_database"))) {
            assertThat(db.getWriteConcern().getWString()).isEqualTo("majority");
            assertThat(db.getWriteConcern().getJournal()).isTrue();
            assertThat(db.getWriteConcern().getWTimeout(TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(db.getReadConcern()).isEqualTo(com.mongodb.ReadConcern.MAJORITY);
            assertThat(db.getReadPreference()).isEqualTo(com.mongodb.ReadPreference.primary());
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HexFormat.of().parseHex(h.asText())));
        return out;
    }

    @Test
    void checkpointsProveInclusionAndConsistencyAndTamperingIsNamed() throws Exception {
        Api slt = new Api("http://localhost:" + port, "slt");
        Scenario s = Scenario.upToTheLessonVisit(slt, URN);
        assertThat(slt.post(s.ragPath(), s.green()).status()).isEqualTo(201);
        String ragEvent = s.planId + ":5";
        JsonNode first = slt.await("/api/schools/" + URN + "/checkpoints/latest", r -> false).body(); // none yet
        assertThat(first.path("status").asInt()).isEqualTo(404);
        // the ledger indexer follows the stream: wait until all eight events are in the school's log
        JsonNode checkpoint = null;
        for (int i = 0; i < 100 && (checkpoint == null || checkpoint.path("treeSize").asInt() < 8); i++) {
            Api.Reply issued = slt.post("/api/schools/" + URN + "/checkpoints", "");
            checkpoint = issued.status() == 201 ? issued.body() : null;
            Api.sleep(50);
        }
        assertThat(checkpoint.path("treeSize").asInt()).isEqualTo(8);
        assertThat(checkpoint.path("keyId").asText()).startsWith("demo-");

        JsonNode inclusion = slt.get("/api/schools/" + URN + "/ledger/inclusion-proof?eventKey=" + ragEvent).body();
        byte[] root = HexFormat.of().parseHex(checkpoint.path("rootHash").asText());
        assertThat(MerkleTree.verifyInclusion(inclusion.path("leafIndex").asLong(), 8,
                                              HexFormat.of().parseHex(inclusion.path("leafHash").asText()),
                                              hashes(inclusion.path("auditPath")), root)).isTrue();
        // the leaf is the hash of the event exactly as stored
        Document stored = RawLedger.events(database).find(new Document("_id", ragEvent)).first();
        assertThat(inclusion.path("leafHash").asText()).isEqualTo(stored.getString(LedgerFields.LEAF_HASH));

        // more evidence, a second checkpoint, and proof the first is a prefix of it
        assertThat(slt.post("/api/schools/" + URN + "/monitoring", Scenario.lessonVisit(s.actionId)).status()).isEqualTo(201);
        JsonNode second = null;
        for (int i = 0; i < 100 && (second == null || second.path("treeSize").asInt() < 9); i++) {
            Api.Reply issued = slt.post("/api/schools/" + URN + "/checkpoints", "");
            second = issued.body();
            Api.sleep(50);
        }
        assertThat(second.path("treeSize").asInt()).isEqualTo(9);
        JsonNode consistency = slt.get("/api/schools/" + URN + "/ledger/consistency-proof?first=8&second=9").body();
        assertThat(MerkleTree.verifyConsistency(8, 9, hashes(consistency.path("proof")), root,
                                                HexFormat.of().parseHex(second.path("rootHash").asText()))).isTrue();

        // the published feed: stable positions, the stored fields, and leaves a follower can recompute
        JsonNode page = slt.get("/api/schools/" + URN + "/ledger/feed?from=0&size=5").body();
        assertThat(page.path("logSize").asInt()).isEqualTo(9);
        assertThat(page.path("items").size()).isEqualTo(5);
        assertThat(page.path("next").asText()).endsWith("from=5&size=5");
        List<byte[]> recomputed = new ArrayList<>();
        for (int from = 0; from < 9; from += 5) {
            for (JsonNode item : slt.get("/api/schools/" + URN + "/ledger/feed?from=" + from + "&size=5").body().path("items")) {
                Document fields = Document.parse(item.path("stored").toString());
                // the feed's JSON numbers, read back as the longs the ledger stored
                fields.put(LedgerFields.GLOBAL_INDEX, item.path("stored").path(LedgerFields.GLOBAL_INDEX).asLong());
                fields.put(LedgerFields.SEQUENCE, item.path("stored").path(LedgerFields.SEQUENCE).asLong());
                byte[] leaf = school.evidence.ledger.merkle.LeafEncoding.leafHash(fields);
                assertThat(HexFormat.of().formatHex(leaf)).isEqualTo(item.path("leafHash").asText());
                recomputed.add(leaf);
            }
        }
        assertThat(HexFormat.of().formatHex(new MerkleTree(recomputed).root()))
                .isEqualTo(second.path("rootHash").asText());

        JsonNode verification = slt.get("/api/schools/" + URN + "/ledger/verification").body();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("summary").asText()).isEqualTo("verified up to 9 events");
        assertThat(runVerifierCli(second.path("publicKey").asText())).isZero();

        // one byte of a stored payload changed behind the service's back
        RawLedger.events(database).updateOne(new Document("_id", ragEvent), new Document("$set",
                new Document(LedgerFields.PAYLOAD, stored.getString(LedgerFields.PAYLOAD).replace("GREEN", "AMBER"))));
        JsonNode tampered = slt.get("/api/schools/" + URN + "/ledger/verification").body();
        assertThat(tampered.path("ok").asBoolean()).isFalse();
        assertThat(tampered.path("problems").path(0).path("kind").asText()).isEqualTo("CHANGED");
        assertThat(tampered.path("problems").path(0).path("eventKey").asText()).isEqualTo(ragEvent);
        assertThat(runVerifierCli(second.path("publicKey").asText())).isEqualTo(1);
    }

    /** The command-line verifier in its own JVM, with only the database address and the public key. */
    private int runVerifierCli(String publicKey) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the store answers only holders of its access key: the verifier is given the service's own address
        String uri = connection.getConnectionString().getConnectionString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                             VerifyLedger.class.getName(), "--mongodb-uri", uri, "--school", URN,
                                             "--public-key", publicKey)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println("verifier said: " + output.lines().filter(l -> !l.contains("DEBUG") && !l.contains("INFO"))
                                                     .reduce("", (a, b) -> a + b + " | "));
        return process.exitValue();
    }
}
