package school.evidence.query.trust;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.trust.TrustEvents.ImprovementPhaseChanged;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/** Each trust with its schools, their current improvement phase and how it changed. */
@Component
@ProcessingGroup("trusts")
class TrustProjection {

    static final String COLLECTION = "trusts";
    private final MongoCollection<Document> trusts;

    TrustProjection(MongoDatabase database) {
        this.trusts = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(TrustRegistered event) {
        if (trusts.find(eq("_id", event.trustId())).first() == null) {
            trusts.insertOne(new Document("_id", event.trustId()).append("trustId", event.trustId())
                                                                 .append("name", event.name())
                                                                 .append("schools", new ArrayList<>()));
        }
    }

    @EventHandler
    void on(SchoolJoinedTrust event, EventMessage<?> message) {
        Document trust = trusts.find(eq("_id", event.trustId())).first();
        if (trust == null || school(trust, event.schoolUrn()) != null) {
            return;
        }
        List<Document> history = new ArrayList<>();
        history.add(new Document("phase", event.phase().name()).append("from", event.joinedOn().toString())
                                                               .append("reason", "joined the trust"));
        trust.getList("schools", Document.class).add(new Document("urn", event.schoolUrn())
                                                             .append("phase", event.phase().name())
                                                             .append("joinedOn", event.joinedOn().toString())
                                                             .append("phaseHistory", history));
        trusts.replaceOne(eq("_id", event.trustId()), trust, new ReplaceOptions());
    }

    @EventHandler
    void on(ImprovementPhaseChanged event, EventMessage<?> message) {
        Document trust = trusts.find(eq("_id", event.trustId())).first();
        Document school = trust == null ? null : school(trust, event.schoolUrn());
        if (school == null) {
            return;
        }
        List<Document> history = school.getList("phaseHistory", Document.class);
        if (history.stream().anyMatch(h -> message.getIdentifier().equals(h.getString("eventId")))) {
            return;
        }
        history.add(new Document("phase", event.to().name()).append("from", event.effectiveOn().toString())
                                                            .append("reason", event.reason())
                                                            .append("eventId", message.getIdentifier()));
        school.put("phase", event.to().name());
        trusts.replaceOne(eq("_id", event.trustId()), trust);
    }

    @ResetHandler
    void reset() {
        trusts.deleteMany(new Document());
    }

    private static Document school(Document trust, String urn) {
        return trust.getList("schools", Document.class).stream().filter(s -> urn.equals(s.getString("urn")))
                    .findFirst().orElse(null);
    }
}
