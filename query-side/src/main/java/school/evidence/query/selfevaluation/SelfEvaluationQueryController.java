package school.evidence.query.selfevaluation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.selfevaluation.Toolkit;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

@RestController
@Tag(name = "Self-evaluation")
class SelfEvaluationQueryController {

    private final MongoCollection<Document> evaluations;

    SelfEvaluationQueryController(MongoDatabase database) {
        this.evaluations = database.getCollection(SelfEvaluationProjection.COLLECTION);
    }

    /** The toolkit: core elements, their quality standards and the rating scale. */
    @GetMapping("/api/self-evaluation/toolkit")
    Document toolkit() {
        return new Document("ratings", Toolkit.RATINGS).append("coreElements", Toolkit.ELEMENTS);
    }

    /** A school's self-evaluations, oldest first. */
    @GetMapping("/api/schools/{urn}/self-evaluations")
    List<Document> evaluations(@PathVariable String urn) {
        List<Document> rows = evaluations.find(eq("schoolUrn", urn)).sort(Sorts.ascending("evaluatedOn", "recordedAt"))
                                         .into(new ArrayList<>());
        rows.forEach(r -> r.remove("_id"));
        return rows;
    }

    /** How one quality standard (e.g. 6/G) was rated over time. */
    @GetMapping("/api/schools/{urn}/self-evaluations/standards/{coreElement}/{standard}")
    Document history(@PathVariable String urn, @PathVariable int coreElement, @PathVariable String standard) {
        String title = Toolkit.standard(coreElement, standard).orElseThrow(
                () -> Rejection.notFound("standard", "The toolkit has no quality standard " + coreElement + standard));
        List<Document> history = new ArrayList<>();
        for (Document evaluation : evaluations(urn)) {
            for (Document rating : evaluation.getList("ratings", Document.class)) {
                if (rating.getInteger("coreElement") == coreElement && standard.equals(rating.getString("standard"))) {
                    history.add(new Document("evaluatedOn", evaluation.getString("evaluatedOn"))
                                        .append("evaluationId", evaluation.getString("evaluationId"))
                                        .append("rating", rating.getInteger("rating"))
                                        .append("evidenceNotes", rating.getString("evidenceNotes"))
                                        .append("actionNotes", rating.getString("actionNotes")));
                }
            }
        }
        return new Document("coreElement", coreElement).append("standard", standard).append("title", title)
                                                       .append("history", history);
    }

    /** The most recent self-evaluation, or 404 if the school has none. */
    @GetMapping("/api/schools/{urn}/self-evaluations/latest")
    Document latest(@PathVariable String urn) {
        List<Document> all = evaluations(urn);
        if (all.isEmpty()) {
            throw Rejection.notFound("urn", "School " + urn + " has recorded no self-evaluation");
        }
        return all.get(all.size() - 1);
    }
}
