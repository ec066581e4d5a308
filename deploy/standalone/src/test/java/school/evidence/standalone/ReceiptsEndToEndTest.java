package school.evidence.standalone;

import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.RawLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import school.evidence.ledger.merkle.LeafEncoding;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.ledger.merkle.PackVerifier;
import school.evidence.ledger.merkle.Receipt;
import school.evidence.platform.proof.SigningKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every acknowledged write hands back the ledger's signed receipt, which verifies offline with the public key alone
 * (in another JVM) and is the very signature the ledger index keeps with the leaf; an event slipped into the store
 * with a past recorded time is never signed into a checkpoint and is named as back-dated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "spring.application.name=receipts-e2e"})
class ReceiptsEndToEndTest {

    private static final String URN = "100040";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    SigningKey key;
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteCarriesAReceiptThatVerifiesOfflineAndMatchesItsLeaf() throws Exception {
        Api slt = new Api("http://localhost:" + port, "slt");
        List<Api.Reply> replies = new ArrayList<>();
        replies.add(slt.postJson("/api/schools", Map.of("urn", URN, "name", "Receipt Primary")));
        replies.add(slt.postJson("/api/schools/" + URN + "/plans", Map.of("academicYear", "2023-24", "title", "Plan")));
        replies.add(slt.postJson("/api/schools/" + URN + "/meetings", Map.of("kind", "FULL_BOARD",
                                                                             "heldOn", "2023-11-01", "title", "Board")));
        String key = UUID.randomUUID().toString();
        Api.Reply visit = slt.postJson("/api/schools/" + URN + "/monitoring", Map.of("type", "LEARNING_WALK",
                "occurredOn", "2023-10-12", "lead", "HT"), "Idempotency-Key", key);
        replies.add(visit);
        List<Receipt> held = new ArrayList<>();
        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
            List<Receipt> receipts = Receipt.parse(reply.body());
            assertThat(receipts).as(reply.raw().body()).hasSize(1);
            // one event: also in the header, the same receipt
            Receipt fromHeader = Receipt.parse(JSON.readTree(Base64.getUrlDecoder().decode(reply.header("Evidence-Receipt")))).get(0);
            assertThat(fromHeader).isEqualTo(receipts.get(0));
            held.addAll(receipts);
        }
        // a replayed write hands back the first reply, receipt and all
        Api.Reply replayed = slt.postJson("/api/schools/" + URN + "/monitoring", Map.of("type", "LEARNING_WALK",
                "occurredOn", "2023-10-12", "lead", "HT"), "Idempotency-Key", key);
        assertThat(Receipt.parse(replayed.body())).isEqualTo(Receipt.parse(visit.body()));

        // each receipt says what is stored, exactly
        for (Receipt receipt : held) {
            Document stored = RawLedger.events(database).find(new Document("_id", receipt.eventKey())).first();
            assertThat(receipt.leafHash()).isEqualTo(HexFormat.of().formatHex(LeafEncoding.leafHash(stored)));
            assertThat(receipt.school()).isEqualTo(URN);
        }

        // offline, in another JVM, with nothing but the public key: the receipts hold; an edited one does not
        String publicKey = LedgerKeys.encode(this.key.verifying());
        Path file = dir.resolve("receipts.json");
        Files.writeString(file, JSON.writeValueAsString(held.stream().map(Receipt::toDocument).toList()));
        assertThat(runPackVerifier(file, publicKey)).contains("4 receipts verified").endsWith("exit 0");
        Files.writeString(file, Files.readString(file).replace(held.get(3).leafHash(), "0".repeat(64)));
        assertThat(runPackVerifier(file, publicKey)).contains("not signed by this key").endsWith("exit 1");

        // the ledger index keeps the very same signature with each leaf (Ed25519 is deterministic)
        for (Receipt receipt : held) {
            Document leaf = awaitLeaf(receipt.eventKey());
            assertThat(leaf.getString("receipt")).isEqualTo(receipt.signature());
        }
        assertThat(PackVerifier.verify(null, held, this.key.verifying()).ok()).isTrue();
    }

    @Test
    void anEventSlippedIntoTheStoreWithAPastRecordedTimeIsNotSignedAndIsNamedBackdated() {
        Api slt = new Api("http://localhost:" + port, "slt");
        String urn = "100041";
        assertThat(slt.postJson("/api/schools", Map.of("urn", urn, "name", "Forged Primary")).status()).isEqualTo(201);
        assertThat(slt.postJson("/api/schools/" + urn + "/meetings", Map.of("kind", "FULL_BOARD",
                "heldOn", "2023-11-01", "title", "Board")).status()).isEqualTo(201);
        JsonNode signed = null;
        for (int i = 0; i < 200 && (signed == null || signed.path("treeSize").asInt() < 2); i++) {
            signed = slt.post("/api/schools/" + urn + "/checkpoints", "").body();
            Api.sleep(25);
        }
        assertThat(signed.path("treeSize").asInt()).isEqualTo(2);

        // what a process with the store's address and key could do: a meeting "recorded" in 2023, hash correct
        Document forged = RawLedger.events(database).find(new Document(LedgerFields.SCHOOL, urn)
                                                                       .append(LedgerFields.AGGREGATE_TYPE, "Meeting")).first();
        long position = RawLedger.reservePosition(database);
        String id = UUID.randomUUID().toString();
        forged.putAll(new Document("_id", id + ":0").append(LedgerFields.AGGREGATE_ID, id).append(LedgerFields.GLOBAL_INDEX, position)
                              .append(LedgerFields.EVENT_ID, UUID.randomUUID().toString())
                              .append(LedgerFields.RECORDED_AT, "2023-10-02T09:00:00.000000000Z")
                              .append(LedgerFields.PAYLOAD, forged.getString(LedgerFields.PAYLOAD).replace("Board", "Back-dated board")));
        forged.put(LedgerFields.LEAF_HASH, HexFormat.of().formatHex(LeafEncoding.leafHash(forged)));
        RawLedger.events(database).insertOne(forged);
        assertThat(slt.postJson("/api/schools/" + urn + "/meetings", Map.of("kind", "COMMITTEE", "committee", "Standards",
                "heldOn", "2023-11-02", "title", "After")).status()).isEqualTo(201);
        awaitLeaf(id + ":0");

        JsonNode issued = null;
        for (int i = 0; i < 100 && (issued == null || issued.path("withheld").isMissingNode()); i++) {
            issued = slt.post("/api/schools/" + urn + "/checkpoints", "").body();
            Api.sleep(50);
        }
        assertThat(issued.path("treeSize").asInt()).as("signed only up to the leaf before it").isEqualTo(2);
        assertThat(issued.path("withheld").path("kind").asText()).isEqualTo("BACKDATED");
        assertThat(issued.path("withheld").path("eventKey").asText()).isEqualTo(id + ":0");
        JsonNode verification = slt.get("/api/schools/" + urn + "/ledger/verification").body();
        assertThat(verification.path("ok").asBoolean()).isFalse();
        assertThat(verification.path("problems").path(0).path("kind").asText()).isEqualTo("BACKDATED");
        assertThat(verification.path("problems").path(0).path("eventKey").asText()).isEqualTo(id + ":0");
    }

    private Document awaitLeaf(String eventKey) {
        for (int i = 0; i < 400; i++) {
            Document leaf = database.getCollection("ledger_leaves").find(new Document("eventKey", eventKey)).first();
            if (leaf != null) {
                return leaf;
            }
            Api.sleep(25);
        }
        throw new AssertionError("never logged: " + eventKey);
    }

    private static String runPackVerifier(Path receipts, String publicKey) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                             PackVerifier.class.getName(), "--receipts", receipts.toString(),
                                             "--public-key", publicKey).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.strip() + " exit " + process.exitValue();
    }
}
