package school.evidence.ledger.merkle;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line verifier: needs only read access to the database and the public key.
 * <pre>
 * VerifyLedger --mongodb-uri mongodb://host/evidence --school 108520 --public-key &lt;base64 or file&gt;
 *              [--receipts receipts.json] [--write-deadline PT10S]
 * </pre>
 * Prints "verified up to N events" and exits 0, or names the first event that fails and why and exits 1. Receipts the
 * school kept from its writes are checked against the store as well.
 */
public final class VerifyLedger {

    private VerifyLedger() {
    }

    private static String describe(LedgerVerifier.Problem p) {
        return p.kind() + " at leaf " + p.leafIndex() + " (event " + p.eventKey() + "): " + p.detail();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String uri = options.get("mongodb-uri");
        String school = options.get("school");
        String key = options.get("public-key");
        if (uri == null || school == null || key == null) {
            System.err.println("usage: VerifyLedger --mongodb-uri <uri> --school <urn> --public-key <base64|file>");
            System.exit(2);
        }
        PublicKey publicKey = LedgerKeys.publicKey(Files.exists(Path.of(key)) ? Files.readString(Path.of(key)) : key);
        try (MongoClient client = MongoClients.create(uri)) {
            String database = new com.mongodb.ConnectionString(uri).getDatabase();
            MongoDatabase db = client.getDatabase(database == null ? "evidence" : database);
            Optional<Checkpoint> latest = new Checkpoints(db, java.time.Clock.systemUTC()).latest(school);
            if (latest.isEmpty()) {
                System.out.println("School " + school + " has no checkpoint to verify against");
                System.exit(1);
            }
            java.time.Duration deadline = java.time.Duration.parse(options.getOrDefault("write-deadline", "PT10S"));
            LedgerVerifier verifier = new LedgerVerifier(db, deadline);
            LedgerVerifier.Report report = verifier.verify(latest.get(), publicKey);
            java.util.List<LedgerVerifier.Problem> problems = new java.util.ArrayList<>(report.problems());
            if (options.containsKey("receipts")) {
                problems.addAll(verifier.checkReceipts(Receipt.parse(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(Path.of(options.get("receipts")).toFile())), publicKey));
            }
            System.out.println(problems.isEmpty() ? report.summary() : describe(problems.get(0)));
            problems.stream().skip(1).limit(20).forEach(p -> System.out.println("  also " + describe(p)));
            System.exit(problems.isEmpty() ? 0 : 1);
        }
    }
}
