package school.evidence.query.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;

import static com.mongodb.client.model.Filters.eq;

@RestController
@Tag(name = "Improvement plans")
class PlanQueryController {

    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> timelines;

    PlanQueryController(MongoDatabase database) {
        this.plans = database.getCollection(PlanViewProjection.COLLECTION);
        this.timelines = database.getCollection(ActionTimelineProjection.COLLECTION);
    }

    /** The plan with each action's current RAG. The ETag is the plan's version, for If-Match on a RAG judgement. */
    @GetMapping("/api/plans/{planId}")
    ResponseEntity<Document> plan(@PathVariable String planId) {
        Document plan = plans.find(eq("_id", planId)).first();
        if (plan == null) {
            throw Rejection.notFound("planId", "No plan " + planId);
        }
        plan.remove("_id");
        return ResponseEntity.ok().eTag("\"" + plan.getLong("version") + "\"").body(plan);
    }

    /** Monitoring evidence and RAG judgements for one action, in the order they were recorded. */
    @GetMapping("/api/plans/{planId}/actions/{actionId}/timeline")
    Document timeline(@PathVariable String planId, @PathVariable String actionId) {
        Document timeline = timelines.find(eq("_id", actionId)).first();
        if (timeline == null || !planId.equals(timeline.getString("planId"))) {
            throw Rejection.notFound("actionId", "Plan " + planId + " has no action " + actionId);
        }
        timeline.remove("_id");
        timeline.remove("linkedActivities");
        return timeline;
    }
}
