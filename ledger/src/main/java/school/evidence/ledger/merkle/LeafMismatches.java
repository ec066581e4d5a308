package school.evidence.ledger.merkle;

import org.bson.Document;
import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.merkle.LedgerVerifier.Failure;
import school.evidence.ledger.merkle.LedgerVerifier.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Leaves whose event no longer hashes to them, and why each fails: another leaf's content, moved, or changed. */
final class LeafMismatches {

    record Mismatch(long index, String eventKey, String hex, Document event, Document leaf) {
    }

    private final List<Mismatch> found = new ArrayList<>();

    void add(Mismatch mismatch) {
        found.add(mismatch);
    }

    /** One problem per mismatch; reads the school's leaves once more only when there is one. */
    List<Problem> explain(SchoolLog log, String school, long size) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>();
        found.forEach(m -> wanted.add(m.hex()));
        Map<String, Long> indexOfHash = new HashMap<>();
        for (long from = 0; from < size; from += LeafChunks.CHUNK) {
            List<Document> leaves = log.leaves(school, from, Math.min(size, from + LeafChunks.CHUNK));
            for (int j = 0; j < leaves.size(); j++) {
                Document leaf = leaves.get(j);
                if (leaf != null && wanted.contains(leaf.getString(LedgerFields.LEAF_HASH))) {
                    indexOfHash.putIfAbsent(leaf.getString(LedgerFields.LEAF_HASH), from + j);
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Mismatch m : found) {
            Long other = indexOfHash.get(m.hex());
            if (other != null && other != m.index()) {
                problems.add(new Problem(Failure.REORDERED, m.index(), m.eventKey(), "it now holds the content of leaf "
                        + other + "; events were swapped or moved"));
            } else if (movedBack(m.event(), m.leaf())) {
                problems.add(new Problem(Failure.REORDERED, m.index(), m.eventKey(), "its content is intact but it was "
                        + "moved from global index " + m.leaf().get(LedgerFields.GLOBAL_INDEX) + " to "
                        + m.event().get(LedgerFields.GLOBAL_INDEX)));
            } else {
                problems.add(new Problem(Failure.CHANGED, m.index(), m.eventKey(),
                                         "its stored bytes no longer hash to the leaf recorded at append"));
            }
        }
        return problems;
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
}
