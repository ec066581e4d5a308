package school.evidence.ledger.backup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.MongoLedgerStorageEngine;
import school.evidence.ledger.merkle.Checkpoint;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.LedgerVerifier;
import school.evidence.ledger.merkle.SchoolLog;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a checked chain of archives back into an empty store, embedded or a replica set: every event at its own
 * position with its own bytes (so every leaf hash and root is what it was), positions that never held an event marked
 * void, each school's log, its checkpoints and the companion collections as the newest archive holds them. Then the
 * store itself is verified against each school's newest checkpoint; if anything fails, what was written is removed
 * and the restore is refused, naming the event. Read models are not restored: the processors rebuild them.
 */
public final class LedgerRestore {

    public static final String RESTORED = "ledger_restored";
    private static final int BATCH = 1000;

    private final MongoDatabase db;
    private final List<Companion> companions;
    private final Duration writeDeadline;

    /** @param writeDeadline the ledger's write deadline, which the verifier allows between recorded times */
    public LedgerRestore(MongoDatabase db, List<Companion> companions, Duration writeDeadline) {
        this.db = db;
        this.companions = List.copyOf(companions);
        this.writeDeadline = writeDeadline;
    }

    /** What a restore wrote. */
    public record Restored(List<String> archives, String lastArchiveId, long lastPosition, String takenAt, long events,
                           long voids, long leaves, long checkpoints, Map<String, Long> schools) {
    }

    /** The restore this store came from, if it came from one. */
    public static Optional<Document> restoredFrom(MongoDatabase db) {
        return Optional.ofNullable(db.getCollection(RESTORED).find(new Document("_id", "restore")).first());
    }

    private boolean acceptUnsigned;

    /**
     * Also restores archives whose manifest is not signed (taken from a shell without the signing key): their events
     * not yet in a school's log at the time are vouched for by nothing, and would be logged as new after the restore.
     */
    public LedgerRestore acceptingUnsigned() {
        this.acceptUnsigned = true;
        return this;
    }

    public Restored restore(List<Archive> chain, PublicKey key) {
        if (db.getCollection("events").find().limit(1).first() != null) {
            throw new ArchiveRefused("The store already holds events: restore only into an empty store (a new "
                                             + "data folder, or a new database on the replica set)");
        }
        ArchiveCheck.Checked checked = ArchiveCheck.check(chain, key);
        if (!acceptUnsigned && !checked.unsigned().isEmpty()) {
            throw new ArchiveRefused(checked.unsigned().get(0) + " is not signed: an unsigned archive can carry events "
                    + "no signature vouches for. Restore it only if you took it yourself, and say so (restore "
                    + "--accept-unsigned true, or evidence.restore.accept-unsigned=true)");
        }
        clear();
        try {
            Restored restored = write(chain, checked);
            verify(restored.schools().keySet(), key);
            db.getCollection(RESTORED).insertOne(new Document("_id", "restore").append("archives", restored.archives())
                    .append("lastArchiveId", restored.lastArchiveId()).append("lastPosition", restored.lastPosition())
                    .append("takenAt", restored.takenAt()).append("restoredAt", java.util.Date.from(Clock.systemUTC().instant())));
            return restored;
        } catch (RuntimeException e) {
            clear();
            throw e;
        }
    }

    private Restored write(List<Archive> chain, ArchiveCheck.Checked checked) {
        ArchiveManifest last = chain.get(chain.size() - 1).manifest();
        MongoLedgerStorageEngine.ensureIndexes(db.getCollection("events"));
        Checkpoints.ensureIndexes(db);
        Batch events = new Batch(db.getCollection("events"));
        long[] next = {1};
        long[] voids = {0};
        for (Archive archive : chain) {
            archive.events(event -> {
                long position = ((Number) event.get(LedgerFields.GLOBAL_INDEX)).longValue();
                voids[0] += markVoid(events, next[0], position - 1);
                events.add(event);
                next[0] = position + 1;
            });
        }
        voids[0] += markVoid(events, next[0], last.lastPosition());
        events.flush();
        db.getCollection("ledger_counters").insertOne(new Document("_id", MongoLedgerStorageEngine.COUNTER_ID)
                                                              .append("value", last.lastPosition()));
        Batch leaves = new Batch(db.getCollection(SchoolLog.LEAVES));
        Batch leafOf = new Batch(db.getCollection(SchoolLog.LEAF_OF));
        Map<String, Document> checkpoints = new LinkedHashMap<>();
        for (Archive archive : chain) {
            archive.leaves(leaf -> {
                leaves.add(leaf);
                leafOf.add(new Document("_id", leaf.getString("eventKey")).append("school", leaf.getString("school"))
                                   .append("index", leaf.get("index")));
            });
            archive.checkpoints(c -> checkpoints.put(c.getString("_id"), c));
        }
        leaves.flush();
        leafOf.flush();
        List<Document> heads = new ArrayList<>();
        last.schools().forEach((school, part) -> {
            Document head = new Document("_id", school).append("size", part.size());
            if (part.receiptsFrom() != null) {
                head.append("receiptsFrom", part.receiptsFrom());
            }
            heads.add(head);
        });
        if (!heads.isEmpty()) {
            db.getCollection(SchoolLog.HEADS).insertMany(heads);
        }
        if (!checkpoints.isEmpty()) {
            db.getCollection(Checkpoints.COLLECTION).insertMany(new ArrayList<>(checkpoints.values()));
        }
        db.getCollection(Checkpoints.PROGRESS).insertOne(new Document("_id", "indexer").append("covered", last.covered()));
        Archive newest = chain.get(chain.size() - 1);
        for (Companion companion : companions) {
            Batch docs = new Batch(db.getCollection(companion.collection()));
            newest.companion(companion, docs::add);
            docs.flush();
        }
        return new Restored(chain.stream().map(Archive::name).toList(), last.archiveId(), last.lastPosition(),
                            last.takenAt(), checked.events() - voids[0], voids[0], checked.leaves(),
                            checked.checkpoints(), checked.schoolSizes());
    }

    /** Marks positions {@code from..to} void, as the engine marks a reserved position whose append failed. */
    private static long markVoid(Batch events, long from, long to) {
        for (long g = from; g <= to; g++) {
            events.add(new Document("_id", MongoLedgerStorageEngine.VOID_KEY_PREFIX + g)
                               .append(LedgerFields.GLOBAL_INDEX, g).append(LedgerFields.VOID, true));
        }
        return Math.max(0, to - from + 1);
    }

    /** Each school's restored log against its newest checkpoint: every leaf, receipt and covered position. */
    private void verify(Iterable<String> schools, PublicKey key) {
        Checkpoints checkpoints = new Checkpoints(db, Clock.systemUTC(), writeDeadline);
        LedgerVerifier verifier = new LedgerVerifier(db, writeDeadline);
        for (String school : schools) {
            Optional<Checkpoint> latest = checkpoints.latest(school);
            if (latest.isPresent()) {
                LedgerVerifier.Report report = verifier.verify(latest.get(), key);
                if (!report.ok()) {
                    throw new ArchiveRefused("The restored log of school " + school + " does not verify against its "
                                                     + "checkpoint of size " + latest.get().treeSize() + ": "
                                                     + report.summary());
                }
            }
        }
    }

    /** Empties what a restore writes, so a refused restore leaves the store as empty as it found it. */
    private void clear() {
        List<String> written = new ArrayList<>(List.of("events", "ledger_counters", SchoolLog.LEAVES, SchoolLog.LEAF_OF,
                                                       SchoolLog.HEADS, Checkpoints.COLLECTION, Checkpoints.PROGRESS,
                                                       RESTORED));
        companions.forEach(c -> written.add(c.collection()));
        written.forEach(name -> db.getCollection(name).deleteMany(new Document()));
    }

    /** Inserts in batches of a thousand, unordered (each batch is one round trip). */
    private static final class Batch {
        private final MongoCollection<Document> collection;
        private final List<Document> pending = new ArrayList<>(BATCH);

        Batch(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        void add(Document document) {
            pending.add(document);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                collection.insertMany(pending, new InsertManyOptions().ordered(false));
                pending.clear();
            }
        }
    }
}
