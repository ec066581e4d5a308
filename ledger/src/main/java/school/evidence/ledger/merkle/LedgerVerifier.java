package school.evidence.ledger.merkle;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import school.evidence.ledger.LedgerFields;

import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

/**
 * Checks a school's stored events against a signed checkpoint, needing only read access to the database and the
 * public key. Recomputes every leaf from the stored bytes, the root from those leaves, and looks for events that
 * claim a place the checkpoint had already covered. Names the first events that fail, and why. From the leaf a version
 * 2 checkpoint names on, each event must also match the receipt kept with its leaf, so an event rewritten together
 * with its stored hash and its leaf is still named; earlier leaves are narrowed down by the earlier checkpoints. Every
 * logged leaf, signed or not yet, is checked for back-dating ({@link RecordedOrder}).
 */
public final class LedgerVerifier {

    public enum Failure {
        /** the signature does not verify with the given public key */
        BAD_SIGNATURE,
        /** a stored event's bytes no longer hash to its leaf */
        CHANGED,
        /** a leaf's event (or the leaf itself) is gone */
        MISSING,
        /** an event carries another leaf's content: events were swapped or moved */
        REORDERED,
        /** an event sits inside the checkpoint's covered range but is not in the checkpointed log: back-filled */
        INSERTED,
        /** leaves look intact one by one but do not make the signed root */
        ROOT_MISMATCH,
        /** recorded earlier than the events logged before it allow: not written by the service in its turn */
        BACKDATED
    }

    public record Problem(Failure kind, long leafIndex, String eventKey, String detail) {
    }

    public record Report(String school, long checkpointSize, long verifiedLeaves, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public String summary() {
            return ok() ? "verified up to " + verifiedLeaves + " events"
                    : problems.get(0).kind() + " at leaf " + problems.get(0).leafIndex() + " (event "
                    + problems.get(0).eventKey() + "): " + problems.get(0).detail();
        }
    }

    private static final int CHUNK = LeafChunks.CHUNK;

    private final MongoCollection<Document> events;
    private final SchoolLog log;
    private final RecordedOrder order;
    private final LeafChunks chunks;
    private final Checkpoints checkpoints;

    public LedgerVerifier(MongoDatabase database) {
        this(database, RecordedOrder.DEFAULT_TOLERANCE);
    }

    /** @param tolerance the ledger's write deadline: how far a recorded time may trail those logged before it */
    public LedgerVerifier(MongoDatabase database, java.time.Duration tolerance) {
        this.events = database.getCollection("events");
        this.log = new SchoolLog(database);
        this.order = new RecordedOrder(database, tolerance);
        this.chunks = new LeafChunks(events, log, order);
        this.checkpoints = new Checkpoints(database, java.time.Clock.systemUTC(), tolerance);
    }

    public Report verify(Checkpoint checkpoint, PublicKey key) {
        String school = checkpoint.school();
        List<Problem> problems = new ArrayList<>();
        if (!checkpoint.verifies(key)) {
            problems.add(new Problem(Failure.BAD_SIGNATURE, -1, null,
                                     "the checkpoint was not signed by the key given"));
            return new Report(school, checkpoint.treeSize(), 0, problems);
        }
        // one pass over the log in chunks, the next chunks read while this one is hashed; nothing is kept per leaf
        // except for leaves that fail, which a second look then explains
        MerkleTree.StreamingRoot recomputed = new MerkleTree.StreamingRoot();
        LeafMismatches mismatches = new LeafMismatches();
        RecordedOrder.Walk walk = order.walk();
        CheckpointBrackets brackets = new CheckpointBrackets(checkpoints.all(school), checkpoint, key);
        long verified = 0;
        long size = checkpoint.treeSize();
        ExecutorService reader = Executors.newFixedThreadPool(READ_AHEAD, r -> {
            Thread t = new Thread(r, "ledger-verifier-read");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<LeafChunks.Chunk>> ahead = new ArrayDeque<>();
            long toRead = 0;
            for (; toRead < size && ahead.size() < READ_AHEAD; toRead += CHUNK) {
                ahead.add(read(reader, school, toRead, size));
            }
            for (long from = 0; from < size; from += CHUNK) {
                LeafChunks.Chunk chunk = ahead.poll().get();
                if (toRead < size) {
                    ahead.add(read(reader, school, toRead, size));
                    toRead += CHUNK;
                }
                for (int j = 0; j < chunk.leaves().size(); j++) {
                    long i = from + j;
                    Document leaf = chunk.leaves().get(j);
                    if (leaf == null) {
                        problems.add(new Problem(Failure.MISSING, i, null, "the log has no leaf " + i));
                        recomputed.add(new byte[32]);
                        brackets.after(i, recomputed);
                        continue;
                    }
                    String eventKey = leaf.getString("eventKey");
                    Document event = chunk.events().get(eventKey);
                    if (event == null) {
                        problems.add(new Problem(Failure.MISSING, i, eventKey, "the event was deleted from the store"));
                        recomputed.add(HexFormat.of().parseHex(leaf.getString(LedgerFields.LEAF_HASH)));
                        brackets.after(i, recomputed);
                        continue;
                    }
                    byte[] hash = LeafEncoding.leafHash(event);
                    recomputed.add(hash);
                    brackets.after(i, recomputed);
                    String hex = HexFormat.of().formatHex(hash);
                    long position = LeafChunks.position(event);
                    walk.next(i, eventKey, position, event.getString(LedgerFields.RECORDED_AT),
                              chunk.recordedBefore().get(position))
                        .ifPresent(b -> problems.add(new Problem(Failure.BACKDATED, b.leafIndex(), eventKey, b.detail())));
                    if (!hex.equals(leaf.getString(LedgerFields.LEAF_HASH))
                            || !school.equals(event.getString(LedgerFields.SCHOOL))) {
                        mismatches.add(new LeafMismatches.Mismatch(i, eventKey, hex, event, leaf));
                    } else if (checkpoint.receiptsFrom() != null && i >= checkpoint.receiptsFrom()) {
                        receiptProblem(i, eventKey, event, leaf, key).ifPresentOrElse(problems::add, () -> { });
                        verified++;
                    } else {
                        verified++;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            reader.shutdownNow();
        }
        problems.addAll(mismatches.explain(log, school, size));
        if (problems.stream().allMatch(p -> p.kind() == Failure.BACKDATED)
                && !Arrays.equals(recomputed.root(), HexFormat.of().parseHex(checkpoint.rootHash()))) {
            problems.add(brackets.rootMismatch(school, log));
            verified = 0;
        }
        pendingBackdated(school, size, walk).forEach(problems::add);
        problems.addAll(backFilled(checkpoint, problems.isEmpty() ? verified : -1));
        problems.sort((a, b) -> Long.compare(a.leafIndex() < 0 ? Long.MAX_VALUE : a.leafIndex(),
                                             b.leafIndex() < 0 ? Long.MAX_VALUE : b.leafIndex()));
        return new Report(school, size, verified, problems);
    }

    /**
     * Chunks read at once, each on its own connection, ahead of the one being hashed: a chunk's three reads wait on
     * the store one after another, so one reader left both the store and the hashing idle half the time.
     */
    private static final int READ_AHEAD = 3;

    private Future<LeafChunks.Chunk> read(ExecutorService reader, String school, long from, long size) {
        return reader.submit(() -> chunks.read(school, from, Math.min(size, from + CHUNK)));
    }

    /**
     * Receipts a school holds, checked against the store: each must be signed by the key, and its event must still be
     * stored exactly as acknowledged (a receipt outlives any tampering with the store).
     */
    public List<Problem> checkReceipts(List<Receipt> receipts, PublicKey key) {
        List<Problem> problems = new ArrayList<>();
        for (Receipt receipt : receipts) {
            if (!receipt.verifies(key)) {
                problems.add(new Problem(Failure.BAD_SIGNATURE, -1, receipt.eventKey(), "this receipt was not signed "
                        + "by the key given, or was altered"));
                continue;
            }
            Document stored = events.find(eq("_id", receipt.eventKey())).first();
            if (stored == null) {
                problems.add(new Problem(Failure.MISSING, -1, receipt.eventKey(), "acknowledged at "
                        + receipt.recordedAt() + " (receipt), but no longer in the store"));
            } else if (!receipt.matches(stored)) {
                problems.add(new Problem(Failure.CHANGED, -1, receipt.eventKey(), "its stored bytes or position are "
                        + "no longer what its receipt acknowledged at " + receipt.recordedAt()));
            }
        }
        return problems;
    }

    /** A leaf from where receipts are kept on must carry its event's receipt, and the event must still match it. */
    private static java.util.Optional<Problem> receiptProblem(long i, String eventKey, Document event, Document leaf,
                                                              PublicKey key) {
        String signature = leaf.getString("receipt");
        if (signature == null) {
            return java.util.Optional.of(new Problem(Failure.CHANGED, i, eventKey, "the signed receipt kept with its "
                    + "leaf is gone: the leaf was rewritten"));
        }
        if (!Receipt.unsigned(event, leaf.getString("receiptKeyId"), signature).verifies(key)) {
            return java.util.Optional.of(new Problem(Failure.CHANGED, i, eventKey, "its stored bytes no longer match "
                    + "the receipt signed when it was logged: the event was rewritten, with its stored hash and leaf"));
        }
        return java.util.Optional.empty();
    }

    /** Leaves logged after the checkpoint, not signed yet: back-dated ones are named already. */
    private List<Problem> pendingBackdated(String school, long signed, RecordedOrder.Walk walk) {
        List<Problem> found = new ArrayList<>();
        long logged = log.size(school);
        for (long from = signed; from < logged; from += CHUNK) {
            LeafChunks.Chunk chunk = chunks.read(school, from, Math.min(logged, from + CHUNK));
            for (int j = 0; j < chunk.leaves().size(); j++) {
                Document leaf = chunk.leaves().get(j);
                Document event = leaf == null ? null : chunk.events().get(leaf.getString("eventKey"));
                if (event != null) {
                    long position = LeafChunks.position(event);
                    walk.next(from + j, event.getString("_id"), position, event.getString(LedgerFields.RECORDED_AT),
                              chunk.recordedBefore().get(position))
                        .ifPresent(b -> found.add(new Problem(Failure.BACKDATED, b.leafIndex(), b.eventKey(),
                                                              b.detail() + "; logged, not signed")));
                }
            }
        }
        return found;
    }

    /**
     * Events of the school inside the checkpoint's covered range that its log never held. When every leaf verified
     * and the store counts exactly that many such events there can be none, so the keys are only compared (a scan)
     * when the counts differ or something else failed.
     */
    private List<Problem> backFilled(Checkpoint checkpoint, long verifiedWhenClean) {
        Bson covered = and(eq(LedgerFields.SCHOOL, checkpoint.school()),
                           lte(LedgerFields.GLOBAL_INDEX, checkpoint.coveredGlobalIndex()));
        if (verifiedWhenClean == checkpoint.treeSize() && events.countDocuments(covered) == verifiedWhenClean) {
            return List.of();
        }
        Set<String> inLog = new HashSet<>();
        for (long from = 0; from < checkpoint.treeSize(); from += CHUNK) {
            log.leaves(checkpoint.school(), from, Math.min(checkpoint.treeSize(), from + CHUNK)).forEach(leaf -> {
                if (leaf != null) {
                    inLog.add(leaf.getString("eventKey"));
                }
            });
        }
        List<Problem> problems = new ArrayList<>();
        // keys only: the embedded server answers a find in one reply, however large
        for (Document event : events.find(covered)
                                    .projection(new Document("_id", 1).append(LedgerFields.GLOBAL_INDEX, 1))
                                    .batchSize(5000)) {
            if (!inLog.contains(event.getString("_id"))) {
                problems.add(new Problem(Failure.INSERTED, -1, event.getString("_id"), "global index "
                        + event.get(LedgerFields.GLOBAL_INDEX) + " lies inside what the checkpoint covered, but the "
                        + "checkpointed log never held it: back-filled"));
            }
        }
        return problems;
    }
}
