package school.evidence.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Every version of a read-model document (a plan, a trust's plan), keyed {@code <id>:<version>} with when it was
 * recorded. Versions are recorded in order, so the document as the product knew it at an instant is a binary search
 * of keyed lookups (about twenty for a million versions), never a scan, on the embedded server as on MongoDB.
 */
public final class VersionHistory {

    private final MongoCollection<Document> history;
    /** The name the kept document has in each version (e.g. {@code plan}). */
    private final String field;

    public VersionHistory(MongoCollection<Document> history, String field) {
        this.history = history;
        this.field = field;
    }

    /** Keeps this version of the document (without its {@code _id}); a redelivered version overwrites itself. */
    public void remember(String id, long version, String recordedAt, Document document) {
        Document snapshot = new Document(document);
        snapshot.remove("_id");
        String key = id + ":" + version;
        history.replaceOne(eq("_id", key), new Document("_id", key).append("recordedAt", recordedAt)
                                                                   .append(field, snapshot),
                           new ReplaceOptions().upsert(true));
    }

    /** The newest version recorded at or before the instant; empty if none was, or the history is incomplete. */
    public Optional<Document> asOf(String id, long currentVersion, Instant instant) {
        String at = RecordedAt.format(instant);
        long lo = 0;
        long hi = currentVersion;
        Document found = null;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            Document version = history.find(eq("_id", id + ":" + mid)).first();
            if (version == null) {
                return Optional.empty(); // history incomplete (e.g. mid-rebuild): refuse rather than guess
            }
            if (version.getString("recordedAt").compareTo(at) <= 0) {
                found = version;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.ofNullable(found).map(v -> v.get(field, Document.class));
    }
}
