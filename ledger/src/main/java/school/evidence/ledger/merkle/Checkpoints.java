package school.evidence.ledger.merkle;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Issues and keeps signed checkpoints of each school's log, keyed {@code <school>:<treeSize>}: a size is
 * checkpointed once, so a root once signed is never replaced.
 */
public final class Checkpoints {

    static final String COLLECTION = "ledger_checkpoints";
    static final String PROGRESS = "ledger_index_progress";

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> progress;
    private final SchoolLog log;
    private final Clock clock;

    public Checkpoints(MongoDatabase database, Clock clock) {
        this.checkpoints = database.getCollection(COLLECTION);
        this.progress = database.getCollection(PROGRESS);
        this.log = new SchoolLog(database);
        this.clock = clock;
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

    /** Signs the school's log as it is now; returns the existing checkpoint if this size was signed before. */
    public Optional<Checkpoint> issue(String school, String keyId, PrivateKey key) {
        long covered = covered(); // read before the size: everything covered is already in the log
        long size = log.size(school);
        if (size == 0) {
            return Optional.empty();
        }
        Optional<Checkpoint> existing = find(school, size);
        if (existing.isPresent()) {
            return existing;
        }
        Checkpoint checkpoint = Checkpoint.sign(school, size, log.tree(school, size).root(), covered,
                                                clock.instant().truncatedTo(ChronoUnit.MILLIS), keyId, key);
        checkpoints.replaceOne(eq("_id", school + ":" + size), toDocument(checkpoint), new ReplaceOptions().upsert(true));
        return Optional.of(checkpoint);
    }

    public Optional<Checkpoint> find(String school, long size) {
        return Optional.ofNullable(checkpoints.find(eq("_id", school + ":" + size)).first()).map(Checkpoints::fromDocument);
    }

    public Optional<Checkpoint> latest(String school) {
        List<Checkpoint> all = all(school);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
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

    static Document toDocument(Checkpoint c) {
        return new Document("_id", c.school() + ":" + c.treeSize()).append("school", c.school())
                .append("treeSize", c.treeSize()).append("rootHash", c.rootHash())
                .append("coveredGlobalIndex", c.coveredGlobalIndex()).append("issuedAt", c.issuedAt().toString())
                .append("keyId", c.keyId()).append("signature", c.signature());
    }

    static Checkpoint fromDocument(Document d) {
        return new Checkpoint(d.getString("school"), ((Number) d.get("treeSize")).longValue(), d.getString("rootHash"),
                              ((Number) d.get("coveredGlobalIndex")).longValue(), Instant.parse(d.getString("issuedAt")),
                              d.getString("keyId"), d.getString("signature"));
    }
}
