package school.evidence.query.governance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

@RestController
@Tag(name = "Governance")
class GovernanceQueryController {

    enum Status { OPEN, ANSWERED, CLOSED }

    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> challenges;

    GovernanceQueryController(MongoDatabase database) {
        this.meetings = database.getCollection(ChallengeLogProjection.MEETINGS);
        this.challenges = database.getCollection(ChallengeLogProjection.CHALLENGES);
    }

    @GetMapping("/api/schools/{urn}/meetings")
    List<Document> meetings(@PathVariable String urn) {
        List<Document> rows = meetings.find(eq("schoolUrn", urn)).sort(Sorts.ascending("heldOn"))
                                      .into(new ArrayList<>());
        rows.forEach(r -> r.remove("_id"));
        return rows;
    }

    /** The challenge log of a school, oldest first; narrow it to a priority, an action or a status. */
    @GetMapping("/api/schools/{urn}/challenges")
    List<Document> challenges(@PathVariable String urn,
                              @RequestParam(required = false) String priorityCode,
                              @RequestParam(required = false) String actionId,
                              @RequestParam(required = false) Status status) {
        List<Bson> filters = new ArrayList<>(List.of(eq("schoolUrn", urn)));
        if (priorityCode != null) {
            filters.add(eq("priorityCode", priorityCode));
        }
        if (actionId != null) {
            filters.add(eq("actionId", actionId));
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        List<Document> rows = challenges.find(Filters.and(filters)).sort(Sorts.ascending("raisedOn", "recordedAt"))
                                        .into(new ArrayList<>());
        rows.forEach(r -> {
            r.remove("_id");
            r.remove("seq");
        });
        return rows;
    }
}
