package school.evidence.query.selfevaluation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.query.ReadModels;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads a school's self-evaluations, oldest first. */
@Component
class SelfEvaluations {

    private final MongoCollection<Document> evaluations;

    SelfEvaluations(MongoDatabase database) {
        this.evaluations = database.getCollection(SelfEvaluationProjection.COLLECTION);
    }

    List<SelfEvaluation> of(String urn) {
        return ReadModels.list(evaluations.find(eq(SCHOOL_URN, urn)).sort(Sorts.ascending("evaluatedOn", "recordedAt"))
                                          .into(new ArrayList<>()), SelfEvaluation.class);
    }
}
