package school.evidence.standalone;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import school.evidence.ledger.backup.Archive;
import school.evidence.ledger.backup.ArchiveCheck;
import school.evidence.ledger.backup.ArchiveRefused;
import school.evidence.ledger.backup.LedgerBackup;
import school.evidence.ledger.backup.LedgerRestore;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.platform.backup.LedgerArchives;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backup commands of the standalone jar, for an operator at a shell (the running service also backs up on its
 * schedule and on the operations page):
 * <pre>
 * java -jar standalone.jar backup        --mongodb-uri URI --to FOLDER [--after ARCHIVE] [--school URN] [--signing-key K]
 * java -jar standalone.jar verify-backup --archive ARCHIVE|FOLDER --public-key K
 * java -jar standalone.jar restore       --archive ARCHIVE|FOLDER --mongodb-uri URI --public-key K [--accept-unsigned true]
 * </pre>
 * The URI of a running standalone's embedded store is {@code mongodb://127.0.0.1:<port>/evidence?appName=<access key>}
 * (fixed with evidence.store.port and evidence.store.access-key). Exit status 0 on success, 1 when refused, 2 on usage.
 */
final class BackupCommands {

    static final List<String> NAMES = List.of("backup", "verify-backup", "restore");

    private BackupCommands() {
    }

    static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try {
            return switch (args[0]) {
                case "backup" -> backup(options);
                case "verify-backup" -> verify(options);
                default -> restore(options);
            };
        } catch (ArchiveRefused refused) {
            System.out.println("REFUSED: " + refused.getMessage());
            return 1;
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage());
            System.err.println("usage: backup --mongodb-uri URI --to FOLDER [--after ARCHIVE] [--school URN] [--signing-key K]\n"
                    + "       verify-backup --archive ARCHIVE|FOLDER --public-key K\n"
                    + "       restore --archive ARCHIVE|FOLDER --mongodb-uri URI --public-key K [--accept-unsigned true]");
            return 2;
        } catch (Exception e) {
            System.out.println("FAILED: " + e.getMessage());
            return 1;
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** A key given inline or as a file holding it. */
    private static String key(String given) {
        try {
            Path file = Path.of(given);
            return Files.isRegularFile(file) ? Files.readString(file).strip() : given;
        } catch (Exception notAPath) {
            return given;
        }
    }

    private static int backup(Map<String, String> options) throws Exception {
        String uri = required(options, "mongodb-uri");
        Path to = Path.of(required(options, "to"));
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = database(client, uri);
            boolean demo = db.getCollection("ledger_demo_key").find().first() != null;
            LedgerBackup backup = new LedgerBackup(db, LedgerArchives.companions(demo),
                                                   Duration.parse(options.getOrDefault("settle", "PT20S")), Clock.systemUTC());
            if (options.containsKey("signing-key")) {
                var privateKey = LedgerKeys.privateKey(key(options.get("signing-key")));
                String publicKey = required(options, "public-key");
                backup.signedWith(LedgerKeys.keyId(LedgerKeys.publicKey(key(publicKey))), privateKey);
            }
            LedgerBackup.Written written = options.containsKey("school") ? backup.school(to, options.get("school"))
                    : options.containsKey("after") ? backup.after(to, Archive.open(Path.of(options.get("after"))).manifest())
                    : backup.full(to);
            var m = written.manifest();
            System.out.printf("archive %s: %d events, positions %d to %d, %d leaves, %d checkpoints%n",
                              written.folder(), m.events(), m.afterPosition() + 1, m.lastPosition(), m.leaves(),
                              m.checkpoints());
            return 0;
        }
    }

    private static int verify(Map<String, String> options) {
        List<Archive> chain = Archive.chainFrom(Path.of(required(options, "archive")));
        ArchiveCheck.Checked checked = ArchiveCheck.check(chain, LedgerArchives.publicKey(chain, key(options.getOrDefault("public-key", ""))));
        System.out.printf("verified %d archive(s): %d events, %d leaves, %d signed checkpoints; logs %s%n",
                          chain.size(), checked.events(), checked.leaves(), checked.checkpoints(), checked.schoolSizes());
        if (!checked.unsigned().isEmpty()) {
            System.out.println("NOT SIGNED: " + checked.unsigned() + " (taken without the signing key: events not yet "
                                       + "in a school's log when it was taken are vouched for by no signature)");
        }
        return 0;
    }

    private static int restore(Map<String, String> options) {
        String uri = required(options, "mongodb-uri");
        List<Archive> chain = Archive.chainFrom(Path.of(required(options, "archive")));
        boolean demo = chain.get(chain.size() - 1).manifest().companions().containsKey("ledger_demo_key");
        try (MongoClient client = MongoClients.create(uri)) {
            LedgerRestore restore = new LedgerRestore(database(client, uri), LedgerArchives.companions(demo),
                    Duration.parse(options.getOrDefault("write-deadline", "PT10S")));
            if (Boolean.parseBoolean(options.getOrDefault("accept-unsigned", "false"))) {
                restore.acceptingUnsigned();
            }
            LedgerRestore.Restored restored = restore.restore(chain, LedgerArchives.publicKey(chain, key(options.getOrDefault("public-key", ""))));
            System.out.printf("restored and verified %d events of %d school(s) up to position %d; anything written "
                                      + "after %s is not in the archive. Start the service on this database: its read "
                                      + "models are rebuilt as it starts%n", restored.events(), restored.schools().size(),
                              restored.lastPosition(), restored.takenAt());
            return 0;
        }
    }

    private static MongoDatabase database(MongoClient client, String uri) {
        String name = new ConnectionString(uri).getDatabase();
        return client.getDatabase(name == null ? "evidence" : name);
    }
}
