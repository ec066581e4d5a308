package school.evidence.ledger.merkle;

import org.bson.Document;
import school.evidence.ledger.merkle.LedgerVerifier.Failure;
import school.evidence.ledger.merkle.LedgerVerifier.Problem;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The school's earlier signed checkpoints, to narrow down a rewritten log: the leaves recomputed from the stored
 * events still make the roots of the checkpoints before the rewrite, and not those from it on.
 */
final class CheckpointBrackets {
    private final List<Checkpoint> signed;
    private int next;
    private long lastMatching;
    private long badFrom = -1;
    private long badTo = -1;

    CheckpointBrackets(List<Checkpoint> all, Checkpoint latest, PublicKey key) {
        this.signed = all.stream().filter(c -> c.treeSize() <= latest.treeSize() && c.verifies(key)).toList();
    }

    /** Called once leaf {@code index} has been added to the recomputed tree. */
    void after(long index, MerkleTree.StreamingRoot recomputed) {
        long size = index + 1;
        while (next < signed.size() && signed.get(next).treeSize() < size) {
            next++;
        }
        if (next < signed.size() && signed.get(next).treeSize() == size && badTo < 0) {
            if (Arrays.equals(recomputed.root(), HexFormat.of().parseHex(signed.get(next).rootHash()))) {
                lastMatching = size;
            } else {
                badFrom = lastMatching;
                badTo = size - 1;
            }
            next++;
        }
    }

    Problem rootMismatch(String school, SchoolLog log) {
        if (badTo < 0) {
            return new Problem(Failure.ROOT_MISMATCH, -1, null, "the leaves do not make the signed root");
        }
        List<Document> leaves = log.leaves(school, badFrom, badTo + 1);
        String first = leaves.get(0) == null ? null : leaves.get(0).getString("eventKey");
        if (badFrom == badTo) {
            return new Problem(Failure.ROOT_MISMATCH, badFrom, first, "its stored bytes no longer make the tree "
                    + "signed at size " + (badTo + 1) + " (the checkpoint before it, of size " + badFrom + ", still "
                    + "matches): it was rewritten together with its stored hash and its leaf");
        }
        Document lastLeaf = leaves.get(leaves.size() - 1);
        return new Problem(Failure.ROOT_MISMATCH, badFrom, first, "one of the events at leaves " + badFrom + " to "
                + badTo + " (" + first + " to " + (lastLeaf == null ? "?" : lastLeaf.getString("eventKey"))
                + ") was rewritten together with its stored hash and leaf: the checkpoint of size " + badFrom
                + " still matches, the one of size " + (badTo + 1) + " does not");
    }
}
