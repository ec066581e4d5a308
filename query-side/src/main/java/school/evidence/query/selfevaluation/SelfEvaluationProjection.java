package school.evidence.query.selfevaluation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.selfevaluation.SelfEvaluationRecorded;
import school.evidence.kernel.selfevaluation.Toolkit;
import school.evidence.platform.axon.CommandMetadata;
import school.evidence.query.RecordedAt;

import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Each self-evaluation as recorded, keyed by evaluation id; histories are read across them by date. */
@Component
@ProcessingGroup("self-evaluations")
class SelfEvaluationProjection {

    static final String COLLECTION = "self_evaluations";
    private final MongoCollection<Document> evaluations;

    SelfEvaluationProjection(MongoDatabase database) {
        this.evaluations = database.getCollection(COLLECTION);
        school.evidence.query.ReadModelIndexes.ensure(evaluations, "schoolByDate", com.mongodb.client.model.Indexes
                .ascending(school.evidence.query.ReadModels.SCHOOL_URN, "evaluatedOn", "recordedAt"));
    }

    @EventHandler
    void on(SelfEvaluationRecorded event, EventMessage<?> message) {
        List<Document> ratings = event.ratings().stream().map(r -> new Document("coreElement", r.coreElement())
                .append("standard", r.standard())
                .append("standardTitle", Toolkit.standard(r.coreElement(), r.standard()).orElse(null))
                .append("rating", r.rating())
                .append("ratingMeaning", Toolkit.RATINGS.get(r.rating()))
                .append("sefReference", r.sefReference())
                .append("evidenceNotes", r.evidenceNotes())
                .append("actionNotes", r.actionNotes())).toList();
        evaluations.replaceOne(eq("_id", event.evaluationId()), new Document("_id", event.evaluationId())
                .append("evaluationId", event.evaluationId()).append(SCHOOL_URN, event.schoolUrn())
                .append("evaluatedOn", event.evaluatedOn().toString())
                .append("recordedBy", message.getMetaData().get(CommandMetadata.ACTOR))
                .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                .append("ratings", ratings), new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        evaluations.deleteMany(new Document());
    }
}
