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

    List<Document> challenges(String urn, String priorityCode, String actionId, Status status) {
        return challenges(urn, priorityCode, actionId, status, null);
    }

    /**
     * The challenge log of a school, oldest first; narrow it to a priority, an action or a status;
     * {@code asOf=<instant>} shows it as it stood then.
     */
    @GetMapping("/api/schools/{urn}/challenges")
    List<Document> challenges(@PathVariable String urn,
                              @RequestParam(required = false) String priorityCode,
                              @RequestParam(required = false) String actionId,
                              @RequestParam(required = false) Status status,
                              @RequestParam(required = false) java.time.Instant asOf) {
        List<Bson> filters = new ArrayList<>(List.of(eq("schoolUrn", urn)));
        if (priorityCode != null) {
            filters.add(eq("priorityCode", priorityCode));
        }
        if (actionId != null) {
            filters.add(eq("actionId", actionId));
        }
        if (status != null && asOf == null) {
            filters.add(eq("status", status.name()));
        }
        List<Document> rows = challenges.find(Filters.and(filters)).sort(Sorts.ascending("raisedOn", "recordedAt"))
                                        .into(new ArrayList<>());
        rows.forEach(r -> {
            r.remove("_id");
            r.remove("seq");
        });
        if (asOf == null) {
            return rows;
        }
        // as the log stood then: what had been raised, answered, followed up and closed by that instant
        String at = school.evidence.query.RecordedAt.format(asOf);
        List<Document> past = new ArrayList<>();
        for (Document r : rows) {
            if (r.getString("recordedAt").compareTo(at) > 0) {
                continue;
            }
            r.put("answers", r.getList("answers", Document.class).stream()
                              .filter(a -> a.getString("recordedAt").compareTo(at) <= 0).toList());
            r.put("followUps", r.getList("followUps", Document.class).stream()
                                .filter(f -> f.getString("recordedAt").compareTo(at) <= 0).toList());
            boolean closed = r.getString("closedAt") != null && r.getString("closedAt").compareTo(at) <= 0;
            if (!closed) {
                r.put("whatChanged", null);
                r.remove("closedAt");
            }
            r.put("status", closed ? "CLOSED" : r.getList("answers", Document.class).isEmpty() ? "OPEN" : "ANSWERED");
            r.put("asOf", asOf.toString());
            if (status == null || status.name().equals(r.getString("status"))) {
                past.add(r);
            }
        }
        return past;
    }
}
