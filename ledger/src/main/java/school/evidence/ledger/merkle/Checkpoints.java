package school.evidence.ledger.merkle;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Issues and keeps signed checkpoints of each school's log, keyed {@code <school>:<treeSize>}: a size is
 * checkpointed once, so a root once signed is never replaced.
 * <p>
 * A checkpoint never signs a back-dated event ({@link RecordedOrder}): it signs the log up to the leaf before it, and
 * says which leaf it withheld, until an operator has looked.
 */
public final class Checkpoints {

    public static final String COLLECTION = "ledger_checkpoints";
    public static final String PROGRESS = "ledger_index_progress";

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> progress;
    private final SchoolLog log;
    private final Clock clock;
    private final RecordedOrder order;

    /** What was signed, and the first leaf it would not sign (back-dated), if any. */
    public record Issued(Checkpoint checkpoint, RecordedOrder.Backdated withheld) {
    }

    public Checkpoints(MongoDatabase database, Clock clock) {
        this(database, clock, RecordedOrder.DEFAULT_TOLERANCE);
    }

    /** @param tolerance how far a recorded time may trail those before it: the ledger's write deadline */
    public Checkpoints(MongoDatabase database, Clock clock, java.time.Duration tolerance) {
        this.checkpoints = database.getCollection(COLLECTION);
        this.progress = database.getCollection(PROGRESS);
        this.log = new SchoolLog(database);
        this.clock = clock;
        this.order = new RecordedOrder(database, tolerance);
    }

    /** A school's checkpoints in size order (every verification and proof), the newest signed (meters, health). */
    public static void ensureIndexes(MongoDatabase database) {
        MongoCollection<Document> checkpoints = database.getCollection(COLLECTION);
        checkpoints.createIndex(com.mongodb.client.model.Indexes.ascending("school", "treeSize"),
                                new com.mongodb.client.model.IndexOptions().name("schoolBySize"));
        checkpoints.createIndex(com.mongodb.client.model.Indexes.descending("issuedAt"),
                                new com.mongodb.client.model.IndexOptions().name("newestFirst"));
    }

    /** Records how far the indexer has seen every event: all events up to this global index are in the logs. */
    public void recordCovered(long coveredGlobalIndex) {
        progress.updateOne(eq("_id", "indexer"), new Document("$max", new Document("covered", coveredGlobalIndex)),
                           new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    public long covered() {
        Document doc = progress.find(eq("_id", "indexer")).first();
        return doc == null ? 0 : ((Number) doc.get("covered")).longValue();
    }

    /**
     * Signs the school's log as it is now, up to its first back-dated leaf if it has one; returns the existing
     * checkpoint if that size was signed before. Empty when there is nothing to sign.
     */
    public Optional<Issued> issue(String school, String keyId, PrivateKey key) {
        long covered = covered(); // read before the size: everything covered is already in the log
        long logged = log.size(school);
        if (logged == 0) {
            return Optional.empty();
        }
        List<Document> leaves = log.leaves(school, logged);
        long judgedFrom = latest(school).map(Checkpoint::treeSize).orElse(0L); // earlier leaves were judged when signed
        RecordedOrder.Backdated withheld = order.firstBackdated(leaves, judgedFrom).orElse(null);
        long size = withheld == null ? logged : withheld.leafIndex();
        if (size == 0) {
            return Optional.empty();
        }
        Optional<Checkpoint> existing = find(school, size);
        if (existing.isPresent()) {
            return Optional.of(new Issued(existing.get(), withheld));
        }
        List<byte[]> hashes = new ArrayList<>();
        for (Document leaf : leaves.subList(0, (int) size)) {
            if (leaf == null) {
                throw new IllegalStateException("The log of school " + school + " has a missing leaf");
            }
            hashes.add(HexFormat.of().parseHex(leaf.getString("leafHash")));
        }
        Long receiptsFrom = log.receiptsFrom(school).stream().boxed().filter(from -> from < size).findFirst().orElse(null);
        Checkpoint checkpoint = Checkpoint.sign(school, size, new MerkleTree(hashes).root(),
                                                withheld == null ? covered : Math.min(covered, lowestPosition(leaves, size) - 1),
                                                clock.instant().truncatedTo(ChronoUnit.MILLIS), keyId, key, receiptsFrom);
        try {
            checkpoints.insertOne(toDocument(checkpoint));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node signed this size first: theirs stands, a signed root is never replaced
            return Optional.of(new Issued(find(school, size).orElseThrow(() -> e), withheld));
        }
        return Optional.of(new Issued(checkpoint, withheld));
    }

    /** The lowest global position among the leaves from {@code from} on: a checkpoint that stops there covers less. */
    private static long lowestPosition(List<Document> leaves, long from) {
        return leaves.subList((int) from, leaves.size()).stream().filter(java.util.Objects::nonNull)
                     .mapToLong(l -> ((Number) l.get("globalIndex")).longValue()).min().orElse(Long.MAX_VALUE);
    }

    public Optional<Checkpoint> find(String school, long size) {
        return Optional.ofNullable(checkpoints.find(eq("_id", school + ":" + size)).first()).map(Checkpoints::fromDocument);
    }

    public Optional<Checkpoint> latest(String school) {
        List<Checkpoint> all = all(school);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** When the newest checkpoint of any school was signed; empty before the first. */
    public Optional<Instant> newestIssuedAt() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("issuedAt")).limit(1).first())
                       .map(d -> Instant.parse(d.getString("issuedAt")));
    }

    public List<Checkpoint> all(String school) {
        List<Checkpoint> all = new ArrayList<>();
        checkpoints.find(eq("school", school)).sort(Sorts.ascending("treeSize"))
                   .forEach(d -> all.add(fromDocument(d)));
        all.sort(java.util.Comparator.comparingLong(Checkpoint::treeSize));
        return all;
    }

    public Instant now() {
        return clock.instant();
    }

    public static Document toDocument(Checkpoint c) {
        return new Document("_id", c.school() + ":" + c.treeSize()).append("school", c.school())
                .append("treeSize", c.treeSize()).append("rootHash", c.rootHash())
                .append("coveredGlobalIndex", c.coveredGlobalIndex()).append("issuedAt", c.issuedAt().toString())
                .append("keyId", c.keyId()).append("signature", c.signature()).append("receiptsFrom", c.receiptsFrom());
    }

    public static Checkpoint fromDocument(Document d) {
        return new Checkpoint(d.getString("school"), ((Number) d.get("treeSize")).longValue(), d.getString("rootHash"),
                              ((Number) d.get("coveredGlobalIndex")).longValue(), Instant.parse(d.getString("issuedAt")),
                              d.getString("keyId"), d.getString("signature"),
                              d.get("receiptsFrom") == null ? null : ((Number) d.get("receiptsFrom")).longValue());
    }
}
