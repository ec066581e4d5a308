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
import school.evidence.kernel.body.BodyEvents.SchoolBodyRegistered;
import school.evidence.kernel.body.BodyEvents.TrustBodyRegistered;
import school.evidence.query.RecordedAt;
import school.evidence.kernel.trust.TrustEvents.ImprovementPhaseChanged;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Each trust with its schools and their improvement phases: every phase entry with the day it took effect, when it was
 * recorded, why, and the indicative measures it rests on, in order of the day it took effect (a late entry falls into
 * place). Which phase is in force on a day, or as recorded at an instant, is read from the history. And the bodies
 * (boards, committees, partnerships, advisers) schools and trusts register for their plans to name.
 */
@Component
@ProcessingGroup("trusts")
class TrustProjection {

    static final String COLLECTION = "trusts";
    /** The bodies schools and trusts register (kept here: organisations' facts, one processor for both). */
    static final String BODIES = "bodies";
    private final MongoCollection<Document> trusts;
    private final MongoCollection<Document> bodies;

    TrustProjection(MongoDatabase database) {
        this.trusts = database.getCollection(COLLECTION);
        this.bodies = database.getCollection(BODIES);
        school.evidence.query.ReadModelIndexes.ensure(bodies, "byOwner",
                                                      com.mongodb.client.model.Indexes.ascending("owner", "name"));
    }

    /** Which organisation a body belongs to, as one indexed value: {@code SCHOOL:108520}, {@code TRUST:north-star}. */
    static String owner(String kind, String id) {
        return kind + ":" + id;
    }

    @EventHandler
    void on(SchoolBodyRegistered event, EventMessage<?> message) {
        save(body(owner("SCHOOL", event.schoolUrn()), event.bodyId(), event.name(), event.kind().name(),
                  event.remit(), message).append(school.evidence.query.ReadModels.SCHOOL_URN, event.schoolUrn()));
    }

    @EventHandler
    void on(TrustBodyRegistered event, EventMessage<?> message) {
        save(body(owner("TRUST", event.trustId()), event.bodyId(), event.name(), event.kind().name(), event.remit(),
                  message));
    }

    private static Document body(String owner, String bodyId, String name, String kind, String remit,
                                 EventMessage<?> message) {
        return new Document("_id", owner + ":" + bodyId).append("owner", owner).append("bodyId", bodyId)
                .append("name", name).append("kind", kind).append("remit", remit)
                .append("registeredAt", RecordedAt.format(message.getTimestamp()));
    }

    private void save(Document body) {
        bodies.replaceOne(eq("_id", body.get("_id")), body, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(TrustRegistered event) {
        if (trusts.find(eq("_id", event.trustId())).first() == null) {
            trusts.insertOne(new Document("_id", event.trustId()).append("trustId", event.trustId())
                                                                 .append("name", event.name())
                                                                 .append("kind", event.kind().name())
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
        history.add(entry(event.phase().name(), event.joinedOn().toString(), "joined the trust",
                          event.indicativeMeasures(), message));
        trust.getList("schools", Document.class).add(new Document("urn", event.schoolUrn())
                                                             .append("joinedOn", event.joinedOn().toString())
                                                             .append("joinedRecordedAt", RecordedAt.format(message.getTimestamp()))
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
        history.add(entry(event.to().name(), event.effectiveOn().toString(), event.reason(), event.indicativeMeasures(),
                          message));
        // by the day each took effect, then by when it was recorded (ISO dates and times sort as text)
        history.sort(java.util.Comparator.comparing((Document h) -> h.getString("from"))
                                         .thenComparing(h -> h.getString("recordedAt")));
        trusts.replaceOne(eq("_id", event.trustId()), trust);
    }

    private static Document entry(String phase, String from, String reason, List<String> measures, EventMessage<?> message) {
        return new Document("phase", phase).append("from", from).append("reason", reason)
                                           .append("indicativeMeasures", measures)
                                           .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                           .append("eventId", message.getIdentifier());
    }

    @ResetHandler
    void reset() {
        trusts.deleteMany(new Document());
        bodies.deleteMany(new Document());
    }

    private static Document school(Document trust, String urn) {
        return trust.getList("schools", Document.class).stream().filter(s -> urn.equals(s.getString("urn")))
                    .findFirst().orElse(null);
    }
}
