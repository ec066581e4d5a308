package school.evidence.query.triad;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.triad.TriadEvents.TriadFormed;
import school.evidence.kernel.triad.TriadEvents.TriadReviewRecorded;
import school.evidence.query.ReadModelIndexes;
import school.evidence.query.RecordedAt;

import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Each triad as one document: its rota (which school is reviewed in which term) and, per slot, the review once it is
 * recorded. Fed with the trust plans (one processor for the trust's planning across its schools).
 */
@Component
@ProcessingGroup("trust-plans")
class TriadProjection {

    static final String COLLECTION = "triads";
    private final MongoCollection<Document> triads;

    TriadProjection(MongoDatabase database) {
        this.triads = database.getCollection(COLLECTION);
        ReadModelIndexes.ensure(triads, "byTrust", Indexes.ascending("trustId", "academicYear"));
    }

    static String id(String trustId, String triadId) {
        return trustId + "/" + triadId;
    }

    @EventHandler
    void on(TriadFormed event, EventMessage<?> message) {
        List<Document> rota = event.rota().stream()
                .map(slot -> new Document("term", slot.term().name()).append("urn", slot.schoolUrn())).toList();
        Document triad = new Document("_id", id(event.trustId(), event.triadId())).append("trustId", event.trustId())
                .append("triadId", event.triadId()).append("name", event.name())
                .append("academicYear", event.academicYear())
                .append("formedAt", RecordedAt.format(message.getTimestamp())).append("rota", rota);
        triads.replaceOne(eq("_id", triad.get("_id")), triad, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(TriadReviewRecorded event, EventMessage<?> message) {
        Document triad = triads.find(eq("_id", id(event.trustId(), event.triadId()))).first();
        if (triad == null) {
            return;
        }
        triad.getList("rota", Document.class).stream().filter(slot -> event.term().name().equals(slot.get("term")))
             .forEach(slot -> slot.put("review", new Document("reviewId", event.reviewId())
                     .append("planId", event.planId()).append("reviewedOn", event.reviewedOn().toString())
                     .append("reviewingSchools", event.reviewingSchools()).append("reviewers", event.reviewers())
                     .append("focus", event.focus()).append("findings", event.findings())
                     .append("actionIds", event.actionIds())
                     .append("recordedAt", RecordedAt.format(message.getTimestamp()))));
        triads.replaceOne(eq("_id", triad.get("_id")), triad);
    }

    @ResetHandler
    void reset() {
        triads.deleteMany(new Document());
    }
}
