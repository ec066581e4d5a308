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
 * signed tree by its audit path.
 */
public final class PackVerifier {

    public record Result(boolean ok, int events, long treeSize, String message) {
    }

    private PackVerifier() {
    }

    public static Result verify(JsonNode pack, PublicKey key) {
        JsonNode ledger = pack.path("ledger");
        JsonNode c = ledger.path("checkpoint");
        Checkpoint checkpoint = new Checkpoint(c.path("school").asText(), c.path("treeSize").asLong(),
                                               c.path("rootHash").asText(), c.path("coveredGlobalIndex").asLong(),
                                               Instant.parse(c.path("issuedAt").asText()), c.path("keyId").asText(),
                                               c.path("signature").asText());
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
                + checkpoint.treeSize() + ")");
    }

    /** {@code VerifyPack --pack pack.json --public-key <base64|file>}: exit 0 when verified, 1 when not. */
    public static void main(String[] args) throws IOException {
        String pack = null;
        String key = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--pack")) {
                pack = args[i + 1];
            } else if (args[i].equals("--public-key")) {
                key = args[i + 1];
            }
        }
        if (pack == null || key == null) {
            System.err.println("usage: PackVerifier --pack <pack.json> --public-key <base64|file>");
            System.exit(2);
        }
        PublicKey publicKey = LedgerKeys.publicKey(Files.exists(Path.of(key)) ? Files.readString(Path.of(key)) : key);
        Result result = verify(new ObjectMapper().readTree(Path.of(pack).toFile()), publicKey);
        System.out.println(result.message());
        System.exit(result.ok() ? 0 : 1);
    }
}
