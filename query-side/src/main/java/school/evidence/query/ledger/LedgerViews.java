package school.evidence.query.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** What the ledger routes answer: checkpoints, proofs against them, the published feed and a verification. */
public final class LedgerViews {

    private LedgerViews() {
    }

    /**
     * A signed checkpoint of a school's log: its size and root hash, the ledger position it covers, when and with
     * which key it was signed ({@code publicKey} when that is the service's current key). {@code withheld}: the first
     * back-dated leaf it would not sign, on the reply to issuing one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckpointView(String school, long treeSize, String rootHash, long coveredGlobalIndex,
                                 String issuedAt, String keyId, String signature, String publicKey,
                                 Withheld withheld) {

        CheckpointView withWithheld(Withheld leaf) {
            return new CheckpointView(school, treeSize, rootHash, coveredGlobalIndex, issuedAt, keyId, signature,
                                      publicKey, leaf);
        }
    }

    public record Withheld(long leafIndex, String eventKey, String kind, String detail) {
    }

    /** The audit path from an event's leaf to the root the checkpoint signed. */
    public record InclusionProof(String eventKey, long leafIndex, String leafHash, CheckpointView checkpoint,
                                 List<String> auditPath) {
    }

    /** Proof that the log signed at {@code first} is a prefix of the log signed at {@code second}. */
    public record ConsistencyProof(CheckpointView first, CheckpointView second, List<String> proof) {
    }

    /**
     * A page of the school's published log: each position's event exactly as stored ({@code stored}, the fields the
     * leaf hash covers), how to recompute the leaf ({@code leafEncoding}), and the {@code next} page if any.
     */
    public record FeedPage(String school, long from, int size, long logSize, List<FeedItem> items, String leafEncoding,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    }

    public record FeedItem(long position, String eventKey, String leafHash, Map<String, Object> stored) {
    }

    /** Every stored event re-checked against the latest checkpoint: ok, or each problem found. */
    public record Verification(String school, boolean ok, String summary, long checkpointSize, long verifiedEvents,
                               List<Problem> problems) {
    }

    public record Problem(String kind, long leafIndex, String eventKey, String detail) {
    }
}
