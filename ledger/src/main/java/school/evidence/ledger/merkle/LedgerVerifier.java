package school.evidence.ledger.merkle;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.ledger.LedgerFields;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

/**
 * Checks a school's stored events against a signed checkpoint, needing only read access to the database and the
 * public key. Recomputes every leaf from the stored bytes, the root from those leaves, and looks for events that
 * claim a place the checkpoint had already covered. Names the first events that fail, and why.
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
        ROOT_MISMATCH
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

    private final MongoCollection<Document> events;
    private final SchoolLog log;

    public LedgerVerifier(MongoDatabase database) {
        this.events = database.getCollection("events");
        this.log = new SchoolLog(database);
    }

    /** Whether the event hashes to its leaf again once put back at the position it had when it was logged. */
    private static boolean movedBack(Document event, Document leaf) {
        Object logged = leaf.get(LedgerFields.GLOBAL_INDEX);
        if (logged == null || logged.equals(event.get(LedgerFields.GLOBAL_INDEX))) {
            return false;
        }
        Document back = new Document(event);
        back.put(LedgerFields.GLOBAL_INDEX, logged);
        return HexFormat.of().formatHex(LeafEncoding.leafHash(back)).equals(leaf.getString(LedgerFields.LEAF_HASH));
    }

    public Report verify(Checkpoint checkpoint, PublicKey key) {
        String school = checkpoint.school();
        List<Problem> problems = new ArrayList<>();
        if (!checkpoint.verifies(key)) {
            problems.add(new Problem(Failure.BAD_SIGNATURE, -1, null,
                                     "the checkpoint was not signed by the key given"));
            return new Report(school, checkpoint.treeSize(), 0, problems);
        }
        List<Document> leaves = log.leaves(school, checkpoint.treeSize());
        Map<String, Long> indexOfHash = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            Document leaf = leaves.get(i);
            if (leaf != null) {
                indexOfHash.putIfAbsent(leaf.getString(LedgerFields.LEAF_HASH), (long) i);
                keys.add(leaf.getString("eventKey"));
            }
        }
        Map<String, Document> stored = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            events.find(in("_id", keys.subList(from, Math.min(keys.size(), from + 1000))))
                  .forEach(d -> stored.put(d.getString("_id"), d));
        }
        List<byte[]> recomputed = new ArrayList<>();
        long verified = 0;
        for (int i = 0; i < leaves.size(); i++) {
            Document leaf = leaves.get(i);
            if (leaf == null) {
                problems.add(new Problem(Failure.MISSING, i, null, "the log has no leaf " + i));
                recomputed.add(new byte[32]);
                continue;
            }
            String eventKey = leaf.getString("eventKey");
            Document event = stored.get(eventKey);
            if (event == null) {
                problems.add(new Problem(Failure.MISSING, i, eventKey, "the event was deleted from the store"));
                recomputed.add(HexFormat.of().parseHex(leaf.getString(LedgerFields.LEAF_HASH)));
                continue;
            }
            byte[] hash = LeafEncoding.leafHash(event);
            String hex = HexFormat.of().formatHex(hash);
            recomputed.add(hash);
            if (hex.equals(leaf.getString(LedgerFields.LEAF_HASH)) && school.equals(event.getString(LedgerFields.SCHOOL))) {
                verified++;
            } else if (indexOfHash.containsKey(hex) && indexOfHash.get(hex) != i) {
                problems.add(new Problem(Failure.REORDERED, i, eventKey, "it now holds the content of leaf "
                        + indexOfHash.get(hex) + "; events were swapped or moved"));
            } else if (movedBack(event, leaf)) {
                problems.add(new Problem(Failure.REORDERED, i, eventKey, "its content is intact but it was moved from "
                        + "global index " + leaf.get(LedgerFields.GLOBAL_INDEX) + " to "
                        + event.get(LedgerFields.GLOBAL_INDEX)));
            } else {
                problems.add(new Problem(Failure.CHANGED, i, eventKey,
                                         "its stored bytes no longer hash to the leaf recorded at append"));
            }
        }
        if (problems.isEmpty()) {
            byte[] root = new MerkleTree(recomputed).root();
            if (!Arrays.equals(root, HexFormat.of().parseHex(checkpoint.rootHash()))) {
                problems.add(new Problem(Failure.ROOT_MISMATCH, checkpoint.treeSize() - 1, null,
                                         "the leaves do not make the signed root: the log itself was rewritten"));
                verified = 0;
            }
        }
        Set<String> inLog = new HashSet<>(keys);
        // keys only: the embedded server answers a find in one reply, however large
        for (Document event : events.find(and(eq(LedgerFields.SCHOOL, school),
                                               lte(LedgerFields.GLOBAL_INDEX, checkpoint.coveredGlobalIndex())))
                                    .projection(new Document("_id", 1).append(LedgerFields.GLOBAL_INDEX, 1))
                                    .batchSize(5000)) {
            if (!inLog.contains(event.getString("_id"))) {
                problems.add(new Problem(Failure.INSERTED, -1, event.getString("_id"), "global index "
                        + event.get(LedgerFields.GLOBAL_INDEX) + " lies inside what the checkpoint covered, but the "
                        + "checkpointed log never held it: back-filled"));
            }
        }
        problems.sort((a, b) -> Long.compare(a.leafIndex() < 0 ? Long.MAX_VALUE : a.leafIndex(),
                                             b.leafIndex() < 0 ? Long.MAX_VALUE : b.leafIndex()));
        return new Report(school, checkpoint.treeSize(), verified, problems);
    }
}
