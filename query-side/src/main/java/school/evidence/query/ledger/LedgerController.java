package school.evidence.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.platform.ledger.SigningKey;
import school.evidence.platform.store.StoreProperties;
import school.evidence.ledger.merkle.Checkpoint;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.ledger.merkle.LedgerVerifier;
import school.evidence.ledger.merkle.MerkleTree;
import school.evidence.ledger.merkle.SchoolLog;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** Signed checkpoints of a school's ledger, proofs against them, and verification. */
@RestController
@Tag(name = "Ledger")
class LedgerController {

    private final MongoDatabase database;
    private final SchoolLog log;
    private final Checkpoints checkpoints;
    private final SigningKey signing;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    LedgerController(MongoDatabase database, SigningKey signing, io.micrometer.core.instrument.MeterRegistry meters,
                     StoreProperties store) {
        this.meters = meters;
        this.database = database;
        this.log = new SchoolLog(database);
        this.checkpoints = new Checkpoints(database, Clock.systemUTC(), store.writeDeadline());
        this.signing = signing;
    }

    /** Signs every school's log as it stands, every {@code evidence.ledger.checkpoint-interval} (default 5 min). */
    @Scheduled(fixedDelayString = "${evidence.ledger.checkpoint-interval:PT5M}",
               initialDelayString = "${evidence.ledger.checkpoint-interval:PT5M}")
    void issuePeriodically() {
        log.schools().forEach(this::issueFor);
    }

    /** Signs the school's log; a back-dated leaf is withheld, counted and logged loudly for an operator. */
    private java.util.Optional<Checkpoints.Issued> issueFor(String urn) {
        java.util.Optional<Checkpoints.Issued> issued = checkpoints.issue(urn, signing.keyId(), signing.signing());
        issued.map(Checkpoints.Issued::withheld).ifPresent(w -> {
            meters.counter("evidence.ledger.backdated.withheld").increment();
            org.slf4j.LoggerFactory.getLogger(LedgerController.class).error(
                    "School {}: checkpoint withheld from leaf {} (event {}): {}", urn, w.leafIndex(), w.eventKey(), w.detail());
        });
        return issued;
    }

    @PostMapping("/api/schools/{urn}/checkpoints")
    ResponseEntity<Document> issue(@PathVariable String urn) {
        Checkpoints.Issued issued = issueFor(urn).orElseThrow(
                () -> Rejection.notFound("urn", "Nothing is recorded for school " + urn + " yet"));
        Document body = document(issued.checkpoint());
        if (issued.withheld() != null) {
            var w = issued.withheld();
            body.append("withheld", new Document("leafIndex", w.leafIndex()).append("eventKey", w.eventKey())
                    .append("kind", "BACKDATED").append("detail", w.detail()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping("/api/schools/{urn}/checkpoints")
    List<Document> all(@PathVariable String urn) {
        return checkpoints.all(urn).stream().map(this::document).toList();
    }

    @GetMapping("/api/schools/{urn}/checkpoints/latest")
    Document latest(@PathVariable String urn) {
        return document(latestOf(urn));
    }

    /** The audit path proving an event is in the school's log as signed at {@code treeSize} (default: latest). */
    @GetMapping("/api/schools/{urn}/ledger/inclusion-proof")
    Document inclusion(@PathVariable String urn, @RequestParam String eventKey,
                       @RequestParam(required = false) Long treeSize) {
        Checkpoint checkpoint = treeSize == null ? latestOf(urn) : checkpoints.find(urn, treeSize).orElseThrow(
                () -> Rejection.notFound("treeSize", "No checkpoint of size " + treeSize));
        Document leaf = log.leafOf(eventKey).filter(l -> urn.equals(l.getString("school"))).orElseThrow(
                () -> Rejection.notFound("eventKey", "No event " + eventKey + " in school " + urn + "'s ledger"));
        long index = leaf.getLong("index");
        if (index >= checkpoint.treeSize()) {
            throw Rejection.invalid("eventKey", "The event was logged after that checkpoint; wait for the next one");
        }
        MerkleTree tree = log.tree(urn, checkpoint.treeSize());
        return new Document("eventKey", eventKey).append("leafIndex", index)
                .append("leafHash", HexFormat.of().formatHex(tree.leaf((int) index)))
                .append("checkpoint", document(checkpoint))
                .append("auditPath", hex(tree.inclusionProof((int) index, (int) checkpoint.treeSize())));
    }

    /** Proof that the log signed at {@code first} is a prefix of the log signed at {@code second}. */
    @GetMapping("/api/schools/{urn}/ledger/consistency-proof")
    Document consistency(@PathVariable String urn, @RequestParam long first, @RequestParam long second) {
        Checkpoint a = checkpoints.find(urn, first).orElseThrow(() -> Rejection.notFound("first", "No checkpoint of size " + first));
        Checkpoint b = checkpoints.find(urn, second).orElseThrow(() -> Rejection.notFound("second", "No checkpoint of size " + second));
        if (first > second) {
            throw Rejection.invalid("first", "first must not be larger than second");
        }
        MerkleTree tree = log.tree(urn, second);
        return new Document("first", document(a)).append("second", document(b))
                .append("proof", hex(tree.consistencyProof((int) first, (int) second)));
    }

    /**
     * The school's published event log (in the style of IDDD's notification log): fixed positions in the school's
     * Merkle log, each with the event exactly as stored, so a follower (an MIS, a trust warehouse) can page through
     * it, recompute every leaf hash and check it against a checkpoint. Pages never change once full.
     */
    @GetMapping("/api/schools/{urn}/ledger/feed")
    Document feed(@PathVariable String urn, @RequestParam(defaultValue = "0") long from,
                  @RequestParam(defaultValue = "100") int size) {
        if (from < 0) {
            throw Rejection.invalid("from", "from is a position, 0 or more");
        }
        if (size < 1 || size > 1000) {
            throw Rejection.invalid("size", "size runs from 1 to 1000");
        }
        long total = log.size(urn);
        long to = Math.min(total, from + size);
        List<Document> leaves = from >= to ? List.of() : log.leaves(urn, to).subList((int) from, (int) to);
        List<String> keys = leaves.stream().filter(java.util.Objects::nonNull).map(l -> l.getString("eventKey")).toList();
        java.util.Map<String, Document> stored = new java.util.HashMap<>();
        database.getCollection("events").find(com.mongodb.client.model.Filters.in("_id", keys))
                .forEach(d -> stored.put(d.getString("_id"), d));
        List<Document> items = new java.util.ArrayList<>();
        for (Document leaf : leaves) {
            if (leaf == null) {
                continue;
            }
            Document event = stored.get(leaf.getString("eventKey"));
            Document fields = new Document();
            if (event != null) {
                school.evidence.ledger.merkle.LeafEncoding.FIELDS.forEach(f -> fields.append(f, event.get(f)));
            }
            items.add(new Document("position", leaf.get("index")).append("eventKey", leaf.getString("eventKey"))
                              .append("leafHash", leaf.getString("leafHash")).append("stored", event == null ? null : fields));
        }
        Document page = new Document("school", urn).append("from", from).append("size", size).append("logSize", total)
                                                   .append("items", items)
                                                   .append("leafEncoding", "version byte 1, then each of " + school.evidence
                                                           .ledger.merkle.LeafEncoding.FIELDS + " as a 4-byte big-endian "
                                                           + "length and UTF-8 bytes (-1 for absent); leaf = SHA-256(0x00 || that)");
        if (to < total) {
            page.append("next", "/api/schools/" + urn + "/ledger/feed?from=" + to + "&size=" + size);
        }
        return page;
    }

    /** Re-checks every stored event of the school against the latest signed checkpoint. */
    @GetMapping("/api/schools/{urn}/ledger/verification")
    Document verify(@PathVariable String urn) {
        LedgerVerifier.Report report = new LedgerVerifier(database).verify(latestOf(urn), signing.verifying());
        meters.counter("evidence.ledger.verifications", "result", report.ok() ? "verified" : "failed").increment();
        return new Document("school", urn).append("ok", report.ok()).append("summary", report.summary())
                .append("checkpointSize", report.checkpointSize()).append("verifiedEvents", report.verifiedLeaves())
                .append("problems", report.problems().stream().map(p -> new Document("kind", p.kind().name())
                        .append("leafIndex", p.leafIndex()).append("eventKey", p.eventKey())
                        .append("detail", p.detail())).toList());
    }

    private Checkpoint latestOf(String urn) {
        return checkpoints.latest(urn).orElseThrow(() -> Rejection.notFound("urn", "School " + urn + " has no checkpoint yet"));
    }

    private Document document(Checkpoint c) {
        Document doc = new Document("school", c.school()).append("treeSize", c.treeSize()).append("rootHash", c.rootHash())
                .append("coveredGlobalIndex", c.coveredGlobalIndex()).append("issuedAt", c.issuedAt().toString())
                .append("keyId", c.keyId()).append("signature", c.signature());
        if (signing.keyId().equals(c.keyId())) {
            doc.append("publicKey", LedgerKeys.encode(signing.verifying()));
        }
        return doc;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }
}
