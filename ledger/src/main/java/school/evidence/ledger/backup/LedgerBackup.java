package school.evidence.ledger.backup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.MongoLedgerStorageEngine;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.MerkleTree;
import school.evidence.ledger.merkle.SchoolLog;
import school.evidence.ledger.merkle.Signatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Writes an archive of the ledger while the service runs: every event exactly as stored, in position order, each
 * school's log and its signed checkpoints, and the companion collections. Read models are not archived (a restore
 * rebuilds them), nor any secret key.
 * <p>
 * The cut is consistent without stopping writers: the logs' heads are read first, then the last position handed out;
 * every leaf under those heads logs an event at or before that position. A position below it still missing is waited
 * for until {@code settle} has passed (writers never send later than the write deadline after reserving); after that
 * it never receives an event and is a hole.
 */
public final class LedgerBackup {

    /** Positions read per query ({@code $in} on the unique position index). */
    private static final int CHUNK = 1000;
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                                                          .withZone(ZoneOffset.UTC);
    /** An incremental archive repeats checkpoints signed this long before its predecessor, in case one raced it. */
    private static final Duration CHECKPOINT_OVERLAP = Duration.ofMinutes(15);

    private final MongoDatabase db;
    private final List<Companion> companions;
    private final Duration settle;
    private final Clock clock;
    private String signingKeyId;
    private PrivateKey signingKey;

    /** @param settle how long a reserved position may still receive its event: the write deadline and the driver's retry */
    public LedgerBackup(MongoDatabase db, List<Companion> companions, Duration settle, Clock clock) {
        this.db = db;
        this.companions = List.copyOf(companions);
        this.settle = settle;
        this.clock = clock;
    }

    /** Signs each manifest, so the whole archive verifies with the public key. */
    public LedgerBackup signedWith(String keyId, PrivateKey key) {
        this.signingKeyId = keyId;
        this.signingKey = key;
        return this;
    }

    /** What a backup wrote: its folder and manifest. */
    public record Written(Path folder, ArchiveManifest manifest) {
    }

    /** A full archive of the whole ledger. */
    public Written full(Path parent) throws IOException {
        return write(parent, null, null);
    }

    /** The positions, leaves and checkpoints added since {@code previous} (an archive of the whole ledger). */
    public Written after(Path parent, ArchiveManifest previous) throws IOException {
        if (!previous.wholeLedger()) {
            throw new IllegalArgumentException("An incremental archive follows an archive of the whole ledger");
        }
        return write(parent, previous, null);
    }

    /** One school's own archive: its events, its log and checkpoints, and the keys its events need. */
    public Written school(Path parent, String urn) throws IOException {
        return write(parent, null, urn);
    }

    private Written write(Path parent, ArchiveManifest previous, String school) throws IOException {
        // the time first: a write acknowledged before it had its position before the counter below was read
        Instant takenAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Document> heads = new TreeMap<>();
        db.getCollection(SchoolLog.HEADS).find(school == null ? new Document() : eq("_id", school))
          .forEach(h -> heads.put(h.getString("_id"), h));
        Document progress = db.getCollection(Checkpoints.PROGRESS).find(eq("_id", "indexer")).first();
        long covered = progress == null ? 0 : ((Number) progress.get("covered")).longValue();
        Document counter = db.getCollection("ledger_counters").find(eq("_id", MongoLedgerStorageEngine.COUNTER_ID)).first();
        long last = counter == null ? 0 : ((Number) counter.get("value")).longValue();
        String id = UUID.randomUUID().toString();
        String kind = school != null ? "school-" + school : previous == null ? "full" : "incremental";
        Path folder = parent.resolve(FOLDER_TIME.format(takenAt) + "-" + kind + "-" + id.substring(0, 8));
        Path partial = parent.resolve(folder.getFileName() + ".partial");
        if (previous != null && last < previous.lastPosition()) {
            throw new Diverged("The store's ledger ends at position " + last + ", before the newest archive's "
                                       + previous.lastPosition() + ": it is not the ledger that archive was taken of");
        }
        Files.createDirectories(partial);
        try {
            ArchiveManifest manifest = write(partial, previous, school, heads, covered, last, takenAt, id);
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            return new Written(folder, manifest);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial); // a failed archive leaves nothing a restore could mistake for one
            throw e;
        }
    }

    private ArchiveManifest write(Path partial, ArchiveManifest previous, String school, Map<String, Document> heads,
                                  long covered, long last, Instant takenAt, String id) throws IOException {
        long settledAt = System.nanoTime() + settle.toNanos();
        long after = previous == null ? 0 : previous.lastPosition();
        Map<String, String> files = new TreeMap<>();
        Set<String> mentioned = new HashSet<>();
        long[] counts = new long[3]; // events, voids, holes
        try (JsonLines.Writer out = new JsonLines.Writer(partial.resolve(Archive.EVENTS))) {
            for (long from = after + 1; from <= last; from += CHUNK) {
                for (Document event : chunk(from, Math.min(last, from + CHUNK - 1), settledAt, counts)) {
                    if (school != null && !school.equals(event.getString(LedgerFields.SCHOOL))) {
                        continue;
                    }
                    out.write(event);
                    counts[event.getBoolean(LedgerFields.VOID, false) ? 1 : 0]++;
                    if (school != null) {
                        companions.stream().filter(c -> !c.whole()).forEach(c -> {
                            mentioned.addAll(c.idsMentionedIn().apply(event.getString(LedgerFields.PAYLOAD)));
                            mentioned.addAll(c.idsMentionedIn().apply(event.getString(LedgerFields.META_DATA)));
                        });
                    }
                }
            }
            out.close();
            files.put(Archive.EVENTS, out.sha256Hex());
        }
        Map<String, ArchiveManifest.SchoolPart> schools = new TreeMap<>();
        long leaves;
        SchoolLog log = new SchoolLog(db);
        try (JsonLines.Writer out = new JsonLines.Writer(partial.resolve(Archive.LEAVES))) {
            for (Map.Entry<String, Document> head : heads.entrySet()) {
                String urn = head.getKey();
                long size = ((Number) head.getValue().get("size")).longValue();
                long from = previous == null || previous.schools().get(urn) == null ? 0 : previous.schools().get(urn).size();
                MerkleTree.StreamingRoot root = new MerkleTree.StreamingRoot();
                for (long start = 0; start < size; start += SchoolLog.READ_AT_ONCE) {
                    for (Document leaf : log.leaves(urn, start, Math.min(size, start + SchoolLog.READ_AT_ONCE))) {
                        if (leaf == null) {
                            throw new IllegalStateException("The log of school " + urn + " has a missing leaf below "
                                                                    + size + ": verify the ledger before backing it up");
                        }
                        root.add(HexFormat.of().parseHex(leaf.getString(LedgerFields.LEAF_HASH)));
                        if (root.size() == from && !HexFormat.of().formatHex(root.root()).equals(previous.schools().get(urn).root())) {
                            throw new Diverged("The log of school " + urn + " no longer makes the root the newest "
                                                       + "archive recorded at size " + from + ": it is not the ledger "
                                                       + "that archive was taken of");
                        }
                        if (((Number) leaf.get("index")).longValue() >= from) {
                            out.write(leaf);
                        }
                    }
                }
                Object receiptsFrom = head.getValue().get("receiptsFrom");
                schools.put(urn, new ArchiveManifest.SchoolPart(from, size, receiptsFrom == null ? null
                        : ((Number) receiptsFrom).longValue(), HexFormat.of().formatHex(root.root())));
            }
            out.close();
            leaves = out.count();
            files.put(Archive.LEAVES, out.sha256Hex());
        }
        long checkpoints = writeCheckpoints(partial, previous, schools, school, files);
        Map<String, Long> companionCounts = new TreeMap<>();
        for (Companion companion : companions) {
            MongoCollection<Document> collection = db.getCollection(companion.collection());
            try (JsonLines.Writer out = new JsonLines.Writer(partial.resolve(companion.file()))) {
                Set<String> wanted = new HashSet<>(mentioned);
                wanted.addAll(companion.alwaysKept());
                collection.find(school == null || companion.whole() ? new Document() : in("_id", wanted))
                          .sort(new Document("_id", 1)).forEach(out::write);
                out.close();
                companionCounts.put(companion.collection(), out.count());
                files.put(companion.file(), out.sha256Hex());
            }
        }
        ArchiveManifest manifest = new ArchiveManifest(
                ArchiveManifest.FORMAT, id, school, previous == null ? null : previous.archiveId(), after, last,
                takenAt.toString(), covered, counts[0], counts[1], counts[2], leaves, checkpoints, schools,
                companionCounts, files, keptApart(), signingKeyId);
        finish(partial, manifest);
        return manifest;
    }

    /** An incremental archive asked for after an archive of another ledger (or an earlier state of this one). */
    public static final class Diverged extends ArchiveRefused {
        Diverged(String reason) {
            super(reason);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: a .partial folder is never read as an archive
        }
    }

    /**
     * The events at positions {@code from..to}, in order. A position still missing is read again until
     * {@code settledAt}; after that it is a hole for good.
     */
    private List<Document> chunk(long from, long to, long settledAt, long[] counts) {
        List<Long> positions = new ArrayList<>();
        for (long p = from; p <= to; p++) {
            positions.add(p);
        }
        Map<Long, Document> found = new TreeMap<>();
        MongoCollection<Document> events = db.getCollection("events");
        while (true) {
            List<Long> missing = positions.stream().filter(p -> !found.containsKey(p)).toList();
            events.find(in(LedgerFields.GLOBAL_INDEX, missing))
                  .forEach(d -> found.put(((Number) d.get(LedgerFields.GLOBAL_INDEX)).longValue(), d));
            if (found.size() == positions.size() || System.nanoTime() >= settledAt) {
                break;
            }
            sleep(Math.min(200, Math.max(1, (settledAt - System.nanoTime()) / 1_000_000)));
        }
        counts[2] += positions.size() - found.size();
        return new ArrayList<>(found.values());
    }

    /** The checkpoints of the archived logs (one signed after the heads were read waits for the next archive). */
    private long writeCheckpoints(Path partial, ArchiveManifest previous, Map<String, ArchiveManifest.SchoolPart> logs,
                                  String school, Map<String, String> files) throws IOException {
        Instant since = previous == null ? Instant.MIN : Instant.parse(previous.takenAt()).minus(CHECKPOINT_OVERLAP);
        List<Document> signed = new ArrayList<>();
        db.getCollection(Checkpoints.COLLECTION).find(school == null ? new Document() : eq("school", school))
          .forEach(c -> {
              ArchiveManifest.SchoolPart before = previous == null ? null : previous.schools().get(c.getString("school"));
              ArchiveManifest.SchoolPart now = logs.get(c.getString("school"));
              long size = ((Number) c.get("treeSize")).longValue();
              boolean grown = before == null || size > before.size();
              boolean archived = now != null && size <= now.size();
              if (archived && (grown || !Instant.parse(c.getString("issuedAt")).isBefore(since))) {
                  signed.add(c);
              }
          });
        signed.sort(java.util.Comparator.<Document, String>comparing(c -> c.getString("school"))
                                        .thenComparingLong(c -> ((Number) c.get("treeSize")).longValue()));
        try (JsonLines.Writer out = new JsonLines.Writer(partial.resolve(Archive.CHECKPOINTS))) {
            signed.forEach(out::write);
            out.close();
            files.put(Archive.CHECKPOINTS, out.sha256Hex());
            return out.count();
        }
    }

    private List<String> keptApart() {
        List<String> apart = new ArrayList<>(List.of(
                "evidence.privacy.key-encryption-key: opens the subject keys in this archive; without it nothing "
                        + "personal can be read back",
                "evidence.ledger.signing-key: signs new checkpoints and receipts after a restore",
                "evidence.ledger.public-key: verifies this archive; publish it"));
        companions.stream().filter(Companion::whole).forEach(c -> apart.add(
                c.collection() + " is included as stored: demo mode keeps its keys in the database (never for real data)"));
        return apart;
    }

    /** Writes the manifest, its signature if a key was given, and SHA256SUMS over every file (for sha256sum -c). */
    private void finish(Path partial, ArchiveManifest manifest) throws IOException {
        byte[] bytes = manifest.toBytes();
        Files.write(partial.resolve(ArchiveManifest.FILE), bytes);
        Map<String, String> sums = new LinkedHashMap<>(manifest.files());
        sums.put(ArchiveManifest.FILE, HexFormat.of().formatHex(JsonLines.sha256().digest(bytes)));
        if (signingKey != null) {
            byte[] signature = (signingKeyId + "\n" + Signatures.sign(signingKey, bytes) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            Files.write(partial.resolve(ArchiveManifest.SIGNATURE_FILE), signature);
            sums.put(ArchiveManifest.SIGNATURE_FILE, HexFormat.of().formatHex(JsonLines.sha256().digest(signature)));
        }
        StringBuilder text = new StringBuilder();
        sums.forEach((file, hash) -> text.append(hash).append("  ").append(file).append('\n'));
        Files.writeString(partial.resolve(ArchiveManifest.SUMS_FILE), text);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Backup interrupted", e);
        }
    }
}
