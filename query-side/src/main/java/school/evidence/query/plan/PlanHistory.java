package school.evidence.query.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.query.RecordedAt;

import java.time.Instant;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The plan as the product knew it at an instant: the newest version recorded at or before it. Versions are keyed
 * {@code <planId>:<version>} and recorded in order, so this is a binary search of keyed lookups (about twenty
 * for a million versions), never a scan, on the embedded server as on MongoDB.
 */
final class PlanHistory {

    private final MongoCollection<Document> history;

    PlanHistory(MongoDatabase database) {
        this.history = database.getCollection(PlanViewProjection.HISTORY);
    }

    Optional<Document> asOf(String planId, long currentVersion, Instant instant) {
        String at = RecordedAt.format(instant);
        long lo = 0;
        long hi = currentVersion;
        Document found = null;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            Document version = history.find(eq("_id", planId + ":" + mid)).first();
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
        return Optional.ofNullable(found).map(v -> v.get("plan", Document.class));
    }
}
