package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.query.VersionHistory;

import java.time.Instant;
import java.util.Optional;

/** The plan as the product knew it at an instant: the newest version recorded at or before it. */
final class PlanHistory {

    private final VersionHistory history;

    PlanHistory(MongoDatabase database) {
        this.history = new VersionHistory(database.getCollection(PlanViewProjection.HISTORY), "plan");
    }

    Optional<Document> asOf(String planId, long currentVersion, Instant instant) {
        return history.asOf(planId, currentVersion, instant);
    }
}
