package school.evidence.query.ledger;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.query.ledger.LedgerViews.CheckpointView;
import school.evidence.query.ledger.LedgerViews.ConsistencyProof;
import school.evidence.query.ledger.LedgerViews.FeedPage;
import school.evidence.query.ledger.LedgerViews.InclusionProof;
import school.evidence.query.ledger.LedgerViews.Verification;

import java.util.List;

/** Signed checkpoints of a school's ledger, proofs against them, the published feed, and verification. */
@RestController
@Tag(name = "Ledger")
class LedgerController {

    private final LedgerProofs proofs;

    LedgerController(LedgerProofs proofs) {
        this.proofs = proofs;
    }

    /** Signs the school's log as it is now; a back-dated leaf is withheld and named. */
    // checkpoints, proofs and verification carry hashes only, so operators may use them
    @Allowed(value = Who.LEADERS_AND_OPERATORS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/checkpoints")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<CheckpointView> issue(@PathVariable String urn) {
        return ResponseEntity.status(HttpStatus.CREATED).body(proofs.issue(urn));
    }

    @Allowed(value = Who.SCHOOL_READERS_AND_OPERATORS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/checkpoints")
    List<CheckpointView> all(@PathVariable String urn) {
        return proofs.all(urn);
    }

    @Allowed(value = Who.SCHOOL_READERS_AND_OPERATORS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/checkpoints/latest")
    CheckpointView latest(@PathVariable String urn) {
        return proofs.latest(urn);
    }

    /** The audit path proving an event is in the school's log as signed at {@code treeSize} (default: latest). */
    @Allowed(value = Who.SCHOOL_READERS_AND_OPERATORS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/ledger/inclusion-proof")
    InclusionProof inclusion(@PathVariable String urn, @RequestParam String eventKey,
                             @RequestParam(required = false) Long treeSize) {
        return proofs.inclusion(urn, eventKey, treeSize);
    }

    /** Proof that the log signed at {@code first} is a prefix of the log signed at {@code second}. */
    @Allowed(value = Who.SCHOOL_READERS_AND_OPERATORS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/ledger/consistency-proof")
    ConsistencyProof consistency(@PathVariable String urn, @RequestParam long first, @RequestParam long second) {
        return proofs.consistency(urn, first, second);
    }

    /**
     * The school's published event log (in the style of IDDD's notification log): fixed positions in the school's
     * Merkle log, each with the event exactly as stored, so a follower (an MIS, a trust warehouse) can page through
     * it, recompute every leaf hash and check it against a checkpoint. Pages never change once full.
     */
    // the feed carries every stored event (confidential notes too): senior leaders only
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/ledger/feed")
    FeedPage feed(@PathVariable String urn, @RequestParam(defaultValue = "0") long from,
                  @RequestParam(defaultValue = "100") int size) {
        return proofs.feed(urn, from, size);
    }

    /** Re-checks every stored event of the school against the latest signed checkpoint. */
    @Allowed(value = Who.SCHOOL_READERS_AND_OPERATORS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/ledger/verification")
    Verification verify(@PathVariable String urn) {
        return proofs.verify(urn);
    }
}
