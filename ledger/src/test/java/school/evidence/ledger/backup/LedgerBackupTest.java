package school.evidence.ledger.backup;

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
import org.junit.jupiter.api.io.TempDir;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.LedgerVerifier;
import school.evidence.ledger.merkle.Receipt;
import school.evidence.ledger.merkle.SchoolLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Archives of a ledger with two schools, restored into fresh databases: the same bytes at the same positions, the
 * same roots, the checkpoints verifying; and archives that were tampered with, mixed or broken, refused with the reason.
 */
class LedgerBackupTest {

    record Noted(String note) {
    }

    private static final Pattern KEY = Pattern.compile("key-[0-9]+");
    private static final Companion KEYS = new Companion("subject_keys", text -> {
        List<String> ids = new ArrayList<>();
        Matcher m = KEY.matcher(text == null ? "" : text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }, Set.of("check"));

    private static MongoServer server;
    private static MongoClient client;
    private static KeyPair keys;
    private MongoDatabase db;
    private MongoLedgerStorageEngine engine;
    private SchoolLog log;
    private Checkpoints checkpoints;
    private int written;
    @TempDir
    Path backups;

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

    private static MongoDatabase fresh() {
        return client.getDatabase("b" + UUID.randomUUID().toString().replace("-", ""));
    }

    @BeforeEach
    void ledger() {
        db = fresh();
        engine = MongoLedgerStorageEngine.builder().database(db).eventSerializer(LedgerSerializers.events())
                                         .snapshotSerializer(LedgerSerializers.events()).build();
        log = new SchoolLog(db, e -> Receipt.of(e, "k1", keys.getPrivate()));
        checkpoints = new Checkpoints(db, Clock.systemUTC());
        db.getCollection("subject_keys").insertOne(new Document("_id", "check").append("sealed", "x"));
        record(12);
    }

    /** Records {@code n} visits (a fifth at another school), logs and signs them. */
    private void record(int n) {
        for (int i = 0; i < n; i++, written++) {
            String school = written % 5 == 4 ? "100000" : "108520";
            db.getCollection("subject_keys").insertOne(new Document("_id", "key-" + written).append("wrapped", "w" + written));
            engine.appendEvents(new GenericDomainEventMessage<>("Activity", "v" + written, 0,
                                                                new Noted("visit by key-" + written),
                                                                MetaData.with("schoolUrn", school)));
            log.add("v" + written + ":0");
        }
        checkpoints.recordCovered(written);
        checkpoints.issue("108520", "k1", keys.getPrivate());
        checkpoints.issue("100000", "k1", keys.getPrivate());
    }

    private LedgerBackup backup() {
        return new LedgerBackup(db, List.of(KEYS), Duration.ofMillis(200), Clock.systemUTC());
    }

    private LedgerRestore.Restored restore(MongoDatabase into, List<Archive> chain) {
        return new LedgerRestore(into, List.of(KEYS), Duration.ofSeconds(10)).acceptingUnsigned().restore(chain, keys.getPublic());
    }

    private static List<Document> all(MongoDatabase d, String collection) {
        return d.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private void assertSameLedger(MongoDatabase restored) {
        for (String c : List.of("events", SchoolLog.LEAVES, SchoolLog.LEAF_OF, SchoolLog.HEADS, Checkpoints.COLLECTION,
                                "subject_keys", "ledger_counters")) {
            assertThat(all(restored, c)).as(c).isEqualTo(all(db, c));
        }
        for (String school : List.of("108520", "100000")) {
            LedgerVerifier.Report report = new LedgerVerifier(restored).verify(
                    new Checkpoints(restored, Clock.systemUTC()).latest(school).orElseThrow(), keys.getPublic());
            assertThat(report.ok()).as(report.summary()).isTrue();
        }
    }

    @Test
    void aFullArchiveRestoresTheSameBytesAtTheSamePositions() throws IOException {
        LedgerBackup.Written written = backup().signedWith("k1", keys.getPrivate()).full(backups);
        assertThat(written.manifest().events()).isEqualTo(12);
        assertThat(written.manifest().schools()).containsOnlyKeys("108520", "100000");
        assertThat(Files.readString(written.folder().resolve("SHA256SUMS"))).contains("events.jsonl.gz", "manifest.json");
        MongoDatabase restored = fresh();
        LedgerRestore.Restored result = restore(restored, Archive.chainFrom(backups));
        assertThat(result.events()).isEqualTo(12);
        assertSameLedger(restored);
        assertThat(LedgerRestore.restoredFrom(restored)).isPresent();
    }

    @Test
    void aChainOfThreeRestoresAndABrokenChainIsRefused() throws IOException {
        ArchiveManifest first = backup().full(backups).manifest();
        record(7);
        LedgerBackup.Written second = backup().after(backups, first);
        record(5);
        LedgerBackup.Written third = backup().after(backups, second.manifest());
        assertThat(second.manifest().afterPosition()).isEqualTo(12);
        assertThat(third.manifest().events()).isEqualTo(5);
        MongoDatabase restored = fresh();
        restore(restored, Archive.chainFrom(backups));
        assertSameLedger(restored);

        deleteFolder(second.folder());
        assertThatThrownBy(() -> Archive.chainFrom(backups)).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining("chain is broken");
    }

    @Test
    void aSchoolsOwnArchiveHoldsOnlyItsEventsAndKeysAndRestoresAlone() throws IOException {
        LedgerBackup.Written school = backup().school(backups, "100000");
        assertThat(school.manifest().events()).isEqualTo(2);
        assertThat(school.manifest().companions()).containsEntry("subject_keys", 3L); // its two keys and the check
        MongoDatabase restored = fresh();
        restore(restored, List.of(Archive.open(school.folder())));
        assertThat(restored.getCollection("events").countDocuments(new Document("school", "100000"))).isEqualTo(2);
        assertThat(restored.getCollection("events").countDocuments(new Document("school", "108520"))).isZero();
        assertThat(restored.getCollection("events").countDocuments(new Document("void", true))).isEqualTo(10);
        assertThat(new LedgerVerifier(restored).verify(new Checkpoints(restored, Clock.systemUTC()).latest("100000")
                                                       .orElseThrow(), keys.getPublic()).ok()).isTrue();
    }

    @Test
    void anUnsignedArchiveIsRestoredOnlyWhenTheOperatorSaysSo() throws IOException {
        Path folder = backup().full(backups).folder();
        MongoDatabase into = fresh();
        assertThatThrownBy(() -> new LedgerRestore(into, List.of(KEYS), Duration.ofSeconds(10))
                .restore(List.of(Archive.open(folder)), keys.getPublic()))
                .isInstanceOf(ArchiveRefused.class).hasMessageContaining("is not signed");
        assertThat(into.getCollection("events").countDocuments()).isZero();
        assertThat(ArchiveCheck.check(List.of(Archive.open(folder)), keys.getPublic()).unsigned()).hasSize(1);
        restore(into, List.of(Archive.open(folder)));
        assertSameLedger(into);
    }

    @Test
    void oneChangedByteIsRefusedNamingTheFile() throws IOException {
        Path folder = backup().full(backups).folder();
        byte[] bytes = Files.readAllBytes(folder.resolve("events.jsonl.gz"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(folder.resolve("events.jsonl.gz"), bytes);
        assertRefused(folder, "events.jsonl.gz is not the file this archive wrote");
    }

    @Test
    void anEventRemovedWithTheManifestRewrittenIsRefusedNamingTheEvent() throws IOException {
        Path folder = backup().full(backups).folder();
        List<Document> events = new ArrayList<>();
        JsonLines.read(folder.resolve("events.jsonl.gz"), events::add);
        Document removed = events.remove(3);
        String hash;
        try (JsonLines.Writer out = new JsonLines.Writer(folder.resolve("events.jsonl.gz"))) {
            events.forEach(out::write);
            out.close();
            hash = out.sha256Hex();
        }
        Archive archive = Archive.open(folder);
        ArchiveManifest m = archive.manifest();
        java.util.Map<String, String> files = new java.util.TreeMap<>(m.files());
        files.put("events.jsonl.gz", hash);
        ArchiveManifest forged = new ArchiveManifest(m.format(), m.archiveId(), m.school(), m.previousArchiveId(),
                m.afterPosition(), m.lastPosition(), m.takenAt(), m.covered(), m.events() - 1, m.voids(), m.holes(),
                m.leaves(), m.checkpoints(), m.schools(), m.companions(), files, m.keptApart(), null);
        Files.write(folder.resolve(ArchiveManifest.FILE), forged.toBytes());
        assertRefused(folder, "logs event " + removed.getString("_id"));
    }

    @Test
    void aSignedManifestThatWasChangedIsRefused() throws IOException {
        Path folder = backup().signedWith("k1", keys.getPrivate()).full(backups).folder();
        String text = Files.readString(folder.resolve(ArchiveManifest.FILE));
        Files.writeString(folder.resolve(ArchiveManifest.FILE), text.replace("\"events\" : 12", "\"events\" : 11"));
        assertRefused(folder, "manifest is not signed by the public key given");
    }

    @Test
    void filesFromTwoBackupsMixedAreRefused() throws IOException {
        Path first = backup().full(backups).folder();
        record(3);
        Path second = backup().full(backups.resolve("other")).folder();
        Files.copy(second.resolve("leaves.jsonl.gz"), first.resolve("leaves.jsonl.gz"),
                   java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(first, "leaves.jsonl.gz is not the file this archive wrote");
    }

    @Test
    void anIncrementalAfterAnArchiveOfAnotherLedgerIsRefusedAndNothingIsLeftBehind() throws IOException {
        ArchiveManifest first = backup().full(backups).manifest();
        MongoDatabase restored = fresh();
        restore(restored, Archive.chainFrom(backups));
        db = fresh(); // another ledger, grown past the archive's positions
        engine = MongoLedgerStorageEngine.builder().database(db).eventSerializer(LedgerSerializers.events())
                                         .snapshotSerializer(LedgerSerializers.events()).build();
        log = new SchoolLog(db, e -> Receipt.of(e, "k1", keys.getPrivate()));
        checkpoints = new Checkpoints(db, Clock.systemUTC());
        written = 100;
        record(20);
        assertThatThrownBy(() -> backup().after(backups, first)).isInstanceOf(LedgerBackup.Diverged.class)
                .hasMessageContaining("no longer makes the root");
        try (var folders = Files.list(backups)) {
            assertThat(folders.map(p -> p.getFileName().toString())).hasSize(1).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void aStoreThatHoldsEventsIsNotRestoredInto() throws IOException {
        backup().full(backups);
        assertThatThrownBy(() -> restore(db, Archive.chainFrom(backups))).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining("already holds events");
    }

    private void assertRefused(Path folder, String reason) {
        MongoDatabase into = fresh();
        assertThatThrownBy(() -> restore(into, List.of(Archive.open(folder)))).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining(reason);
        assertThat(into.getCollection("events").countDocuments()).isZero();
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
