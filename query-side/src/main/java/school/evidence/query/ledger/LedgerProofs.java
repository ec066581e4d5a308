package school.evidence.query.ledger;

import com.mongodb.client.MongoDatabase;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.StoredEvent;
import school.evidence.query.ledger.LedgerViews.CheckpointView;
import school.evidence.query.ledger.LedgerViews.ConsistencyProof;
import school.evidence.query.ledger.LedgerViews.FeedItem;
import school.evidence.query.ledger.LedgerViews.FeedPage;
import school.evidence.query.ledger.LedgerViews.InclusionProof;
import school.evidence.query.ledger.LedgerViews.Problem;
import school.evidence.query.ledger.LedgerViews.Verification;
import school.evidence.query.ledger.LedgerViews.Withheld;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import school.evidence.kernel.Rejection;
import school.evidence.platform.proof.SigningKey;
import school.evidence.platform.axon.StoreProperties;
import school.evidence.ledger.merkle.Checkpoint;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.ledger.merkle.LedgerVerifier;
import school.evidence.ledger.merkle.MerkleTree;
import school.evidence.ledger.merkle.SchoolLog;
import school.evidence.platform.axon.ClusterLeases;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** Signs checkpoints of each school's log (also on a schedule), and answers proofs against them and verification. */
@Component
public class LedgerProofs {

    private static final String LEAF_ENCODING = "version byte 1, then each of "
            + school.evidence.ledger.merkle.LeafEncoding.FIELDS + " as a 4-byte big-endian length and UTF-8 bytes "
            + "(-1 for absent); leaf = SHA-256(0x00 || that)";

    private final MongoDatabase database;
    private final LedgerReader ledger;
    private final SchoolLog log;
    private final Checkpoints checkpoints;
    private final SigningKey signing;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    private final ClusterLeases leases;
    private final java.time.Duration interval;

    LedgerProofs(MongoDatabase database, LedgerReader ledger, SigningKey signing,
                 io.micrometer.core.instrument.MeterRegistry meters, StoreProperties store, ClusterLeases leases,
                 @org.springframework.beans.factory.annotation.Value("${evidence.ledger.checkpoint-interval:PT5M}")
                 java.time.Duration interval) {
        this.leases = leases;
        this.interval = interval;
        this.meters = meters;
        this.ledger = ledger;
        this.database = database;
        this.log = new SchoolLog(database);
        this.checkpoints = new Checkpoints(database, Clock.systemUTC(), store.writeDeadline());
        this.signing = signing;
    }

    /** Every school with a log. */
    public List<String> schools() {
        return log.schools();
    }

    /**
     * Signs every school's log as it stands, every {@code evidence.ledger.checkpoint-interval} (default 5 min), on one
     * query-side node of the cluster: the one holding the lease, which lapses after three intervals without a round.
     */
    @Scheduled(fixedDelayString = "${evidence.ledger.checkpoint-interval:PT5M}",
               initialDelayString = "${evidence.ledger.checkpoint-interval:PT5M}")
    void issuePeriodically() {
        if (!leases.take("checkpoints", interval.multipliedBy(3))) {
            return; // another node signs
        }
        meters.counter("evidence.ledger.checkpoint.rounds").increment();
        log.schools().forEach(this::issueFor);
    }

    /** Signs the school's log; a back-dated leaf is withheld, counted and logged loudly for an operator. */
    private java.util.Optional<Checkpoints.Issued> issueFor(String urn) {
        java.util.Optional<Checkpoints.Issued> issued = checkpoints.issue(urn, signing.keyId(), signing.signing());
        issued.map(Checkpoints.Issued::withheld).ifPresent(w -> {
            meters.counter("evidence.ledger.backdated.withheld").increment();
            org.slf4j.LoggerFactory.getLogger(LedgerProofs.class).error(
                    "School {}: checkpoint withheld from leaf {} (event {}): {}", urn, w.leafIndex(), w.eventKey(), w.detail());
        });
        return issued;
    }

    /** Signs the school's log as it stands now, if anything is recorded (an evidence pack is made against it). */
    public void signNow(String urn) {
        issueFor(urn);
    }

    CheckpointView issue(String urn) {
        Checkpoints.Issued issued = issueFor(urn).orElseThrow(
                () -> Rejection.notFound("urn", "Nothing is recorded for school " + urn + " yet"));
        CheckpointView body = view(issued.checkpoint());
        if (issued.withheld() != null) {
            var w = issued.withheld();
            body = body.withWithheld(new Withheld(w.leafIndex(), w.eventKey(), "BACKDATED", w.detail()));
        }
        return body;
    }

    List<CheckpointView> all(String urn) {
        return checkpoints.all(urn).stream().map(this::view).toList();
    }

    public CheckpointView latest(String urn) {
        return view(latestOf(urn));
    }

    /** The audit path proving an event is in the school's log as signed at {@code treeSize} (default: latest). */
    InclusionProof inclusion(String urn, String eventKey, Long treeSize) {
        Checkpoint checkpoint = treeSize == null ? latestOf(urn) : checkpoints.find(urn, treeSize).orElseThrow(
                () -> Rejection.notFound("treeSize", "No checkpoint of size " + treeSize));
        SchoolLog.Leaf leaf = log.leafOfEvent(eventKey).filter(l -> urn.equals(l.school())).orElseThrow(
                () -> Rejection.notFound("eventKey", "No event " + eventKey + " in school " + urn + "'s ledger"));
        long index = leaf.index();
        if (index >= checkpoint.treeSize()) {
            throw Rejection.invalid("eventKey", "The event was logged after that checkpoint; wait for the next one");
        }
        MerkleTree tree = log.tree(urn, checkpoint.treeSize());
        return new InclusionProof(eventKey, index, HexFormat.of().formatHex(tree.leaf((int) index)), view(checkpoint),
                                  hex(tree.inclusionProof((int) index, (int) checkpoint.treeSize())));
    }

    /** Proof that the log signed at {@code first} is a prefix of the log signed at {@code second}. */
    ConsistencyProof consistency(String urn, long first, long second) {
        Checkpoint a = checkpoints.find(urn, first).orElseThrow(() -> Rejection.notFound("first", "No checkpoint of size " + first));
        Checkpoint b = checkpoints.find(urn, second).orElseThrow(() -> Rejection.notFound("second", "No checkpoint of size " + second));
        if (first > second) {
            throw Rejection.invalid("first", "first must not be larger than second");
        }
        MerkleTree tree = log.tree(urn, second);
        return new ConsistencyProof(view(a), view(b), hex(tree.consistencyProof((int) first, (int) second)));
    }

    /**
     * The school's published event log (in the style of IDDD's notification log): fixed positions in the school's
     * Merkle log, each with the event exactly as stored, so a follower (an MIS, a trust warehouse) can page through
     * it, recompute every leaf hash and check it against a checkpoint. Pages never change once full.
     */
    FeedPage feed(String urn, long from, int size) {
        if (from < 0) {
            throw Rejection.invalid("from", "from is a position, 0 or more");
        }
        if (size < 1 || size > 1000) {
            throw Rejection.invalid("size", "size runs from 1 to 1000");
        }
        long total = log.size(urn);
        long to = Math.min(total, from + size);
        List<SchoolLog.Leaf> leaves = from >= to ? List.of() : log.leafList(urn, from, to);
        List<String> keys = leaves.stream().filter(java.util.Objects::nonNull).map(SchoolLog.Leaf::eventKey).toList();
        java.util.Map<String, StoredEvent> stored = new java.util.HashMap<>();
        ledger.byKeys(keys).forEach(event -> stored.put(event.key(), event));
        List<FeedItem> items = new java.util.ArrayList<>();
        for (SchoolLog.Leaf leaf : leaves) {
            if (leaf == null) {
                continue;
            }
            StoredEvent event = stored.get(leaf.eventKey());
            items.add(new FeedItem(leaf.index(), leaf.eventKey(), leaf.leafHash(),
                                   event == null ? null : event.hashedFields()));
        }
        return new FeedPage(urn, from, size, total, items, LEAF_ENCODING,
                            to < total ? "/api/schools/" + urn + "/ledger/feed?from=" + to + "&size=" + size : null);
    }

    /** Re-checks every stored event of the school against the latest signed checkpoint. */
    public Verification verify(String urn) {
        LedgerVerifier.Report report = new LedgerVerifier(database).verify(latestOf(urn), signing.verifying());
        meters.counter("evidence.ledger.verifications", "result", report.ok() ? "verified" : "failed").increment();
        return new Verification(urn, report.ok(), report.summary(), report.checkpointSize(), report.verifiedLeaves(),
                                report.problems().stream().map(p -> new Problem(p.kind().name(), p.leafIndex(),
                                                                                p.eventKey(), p.detail())).toList());
    }

    private Checkpoint latestOf(String urn) {
        return checkpoints.latest(urn).orElseThrow(() -> Rejection.notFound("urn", "School " + urn + " has no checkpoint yet"));
    }

    private CheckpointView view(Checkpoint c) {
        return new CheckpointView(c.school(), c.treeSize(), c.rootHash(), c.coveredGlobalIndex(), c.issuedAt().toString(),
                                  c.keyId(), c.signature(), signing.keyId().equals(c.keyId())
                                          ? LedgerKeys.encode(signing.verifying()) : null, null);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }
}
