package school.evidence.ledger.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies a JSON evidence pack offline: no database, only the pack and the school's public key. The checkpoint's
 * signature must hold, every event's stored fields must hash to its leaf, and every leaf must be proven in the
 * signed tree by its audit path. Receipts (what a school was given when it wrote) are evidence too: each must carry the
 * ledger's signature, and an event of the pack that a receipt acknowledged must be exactly the one acknowledged.
 * With receipts and no pack, only the receipts are checked.
 */
public final class PackVerifier {

    public record Result(boolean ok, int events, long treeSize, String message) {
    }

    private PackVerifier() {
    }

    public static Result verify(JsonNode pack, PublicKey key) {
        return verify(pack, List.of(), key);
    }

    /** The pack, and the receipts the reader holds; {@code pack} may be null to check receipts alone. */
    public static Result verify(JsonNode pack, List<Receipt> receipts, PublicKey key) {
        java.util.Map<String, Receipt> byEvent = new java.util.HashMap<>();
        for (Receipt receipt : receipts) {
            if (!receipt.verifies(key)) {
                return new Result(false, 0, 0, "the receipt for event " + receipt.eventKey()
                        + " was not signed by this key (or was altered)");
            }
            byEvent.put(receipt.eventKey(), receipt);
        }
        if (pack == null) {
            return new Result(true, 0, 0, receipts.size() + " receipts verified: each was signed by this key");
        }
        return verifyPack(pack, byEvent, key);
    }

    private static Result verifyPack(JsonNode pack, java.util.Map<String, Receipt> receipts, PublicKey key) {
        JsonNode ledger = pack.path("ledger");
        JsonNode c = ledger.path("checkpoint");
        Checkpoint checkpoint = new Checkpoint(c.path("school").asText(), c.path("treeSize").asLong(),
                                               c.path("rootHash").asText(), c.path("coveredGlobalIndex").asLong(),
                                               Instant.parse(c.path("issuedAt").asText()), c.path("keyId").asText(),
                                               c.path("signature").asText(),
                                               c.path("receiptsFrom").isNumber() ? c.path("receiptsFrom").asLong() : null);
        if (!checkpoint.verifies(key)) {
            return new Result(false, 0, checkpoint.treeSize(), "the checkpoint was not signed by this key");
        }
        byte[] root = HexFormat.of().parseHex(checkpoint.rootHash());
        int count = 0;
        for (JsonNode event : ledger.path("events")) {
            String eventKey = event.path("eventKey").asText();
            Document stored = new Document();
            event.path("stored").fields().forEachRemaining(f -> stored.append(f.getKey(),
                    f.getValue().isNull() ? null : f.getValue().isNumber() ? (Object) f.getValue().asLong() : f.getValue().asText()));
            byte[] leaf = LeafEncoding.leafHash(stored);
            if (!HexFormat.of().formatHex(leaf).equals(event.path("leafHash").asText())) {
                return new Result(false, count, checkpoint.treeSize(), "event " + eventKey
                        + " was changed: its recorded fields no longer hash to its leaf");
            }
            long index = event.path("leafIndex").asLong();
            if (checkpoint.receiptsFrom() != null && index >= checkpoint.receiptsFrom()
                    && !Receipt.unsigned(stored, event.path("receipt").path("keyId").asText(null),
                                         event.path("receipt").path("signature").asText(null)).verifies(key)) {
                return new Result(false, count, checkpoint.treeSize(), "event " + eventKey + " does not match the "
                        + "receipt the ledger signed when it was logged");
            }
            Receipt held = receipts.get(eventKey);
            if (held != null && !held.matches(stored)) {
                return new Result(false, count, checkpoint.treeSize(), "event " + eventKey + " is not the event "
                        + "its receipt acknowledged (recorded " + held.recordedAt() + ")");
            }
            List<byte[]> path = new ArrayList<>();
            event.path("auditPath").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
            if (!MerkleTree.verifyInclusion(event.path("leafIndex").asLong(), checkpoint.treeSize(), leaf, path, root)) {
                return new Result(false, count, checkpoint.treeSize(), "event " + eventKey
                        + " is not in the signed ledger at position " + event.path("leafIndex").asLong());
            }
            count++;
        }
        return new Result(true, count, checkpoint.treeSize(), "pack verified: " + count + " events proven in the "
                + "ledger of school " + checkpoint.school() + " as signed at " + checkpoint.issuedAt() + " (size "
                + checkpoint.treeSize() + ")" + (receipts.isEmpty() ? "" : "; " + receipts.size() + " receipts verified"));
    }

    /**
     * {@code PackVerifier [--pack pack.json] [--receipts receipts.json] --public-key <base64|file>}: exit 0 when
     * verified, 1 when not. Receipts: a JSON object, an array of them, or a reply that carries {@code receipts}.
     */
    public static void main(String[] args) throws IOException {
        String pack = null;
        String key = null;
        String receipts = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pack" -> pack = args[i + 1];
                case "--public-key" -> key = args[i + 1];
                case "--receipts" -> receipts = args[i + 1];
                default -> { }
            }
        }
        if ((pack == null && receipts == null) || key == null) {
            System.err.println("usage: PackVerifier [--pack <pack.json>] [--receipts <receipts.json>] --public-key <base64|file>");
            System.exit(2);
        }
        PublicKey publicKey = LedgerKeys.publicKey(Files.exists(Path.of(key)) ? Files.readString(Path.of(key)) : key);
        ObjectMapper json = new ObjectMapper();
        List<Receipt> held = receipts == null ? List.of() : Receipt.parse(json.readTree(Path.of(receipts).toFile()));
        Result result = verify(pack == null ? null : json.readTree(Path.of(pack).toFile()), held, publicKey);
        System.out.println(result.message());
        System.exit(result.ok() ? 0 : 1);
    }
}
