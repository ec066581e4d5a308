package school.evidence.query.audit;

import school.evidence.query.replay.Touched;
import school.evidence.query.replay.MadeAgainForRecords;
import school.evidence.query.BatchedWrites;
import school.evidence.query.RecordedAt;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.OrganisationEvent;
import school.evidence.kernel.SchoolEvent;
import school.evidence.platform.axon.CommandMetadata;

import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * Every event of a school or of a trust's (or local authority's) work as an audit entry: what happened, when it was
 * recorded, who did it, on what, and why.
 * Keyed by event id, so a redelivered event overwrites itself.
 */
@Component
@ProcessingGroup(AuditTrailProjection.GROUP)
class AuditTrailProjection implements MadeAgainForRecords {

    static final String GROUP = "audit-trail";
    static final String COLLECTION = "audit_entries";
    static final String TRUST_ID = "trustId";

    private final MongoCollection<Document> entries;

    AuditTrailProjection(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        school.evidence.query.ReadModelIndexes.ensure(entries, "schoolByTimeThenId",
                                                      Indexes.ascending(SCHOOL_URN, "recordedAt", "_id"), "schoolByTime");
        school.evidence.query.ReadModelIndexes.ensure(entries, "trustByTimeThenId",
                                                      Indexes.ascending(TRUST_ID, "recordedAt", "_id"));
    }

    /** A school's event, an organisation's, or both (a school's record made for its trust): one entry each. */
    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (!(event instanceof SchoolEvent) && !(event instanceof OrganisationEvent)) {
            return;
        }
        Document entry = new Document("_id", message.getIdentifier())
                .append("eventId", message.getIdentifier())
                .append(SCHOOL_URN, event instanceof SchoolEvent school ? school.schoolUrn() : null)
                .append(TRUST_ID, event instanceof OrganisationEvent organisation ? organisation.trustId() : null)
                .append("type", message.getPayloadType().getSimpleName())
                .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                .append("actor", message.getMetaData().get(CommandMetadata.ACTOR))
                .append("actorRole", message.getMetaData().get(CommandMetadata.ACTOR_ROLE))
                .append("reason", reasonOf(event, message))
                .append("correlationId", message.getMetaData().get(CommandMetadata.CORRELATION_ID));
        if (message instanceof DomainEventMessage<?> domain) {
            entry.append("subjectType", domain.getType())
                 .append("subjectId", domain.getAggregateIdentifier())
                 .append("subjectVersion", domain.getSequenceNumber());
        }
        BatchedWrites.add(entries, new ReplaceOneModel<>(eq("_id", message.getIdentifier()), entry,
                                                         new ReplaceOptions().upsert(true)));
    }

    /**
     * Why the change was made: from the event itself (where it is encrypted like other personal text and so erasable),
     * or, for events recorded before reasons moved there and for the retention job's own, from the metadata.
     */
    private static Object reasonOf(Object payload, EventMessage<?> message) {
        if (payload instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                if (component.getName().equals("reason")) {
                    try {
                        return component.getAccessor().invoke(record);
                    } catch (ReflectiveOperationException e) {
                        break;
                    }
                }
            }
        }
        return message.getMetaData().get(CommandMetadata.REASON);
    }

    /** An entry is made from its own event alone. */
    @Override
    public Map<String, Documents> written(Touched touched, MongoDatabase live) {
        return Map.of(COLLECTION, Documents.matching(in("_id", touched.events())));
    }

    @ResetHandler
    void reset() {
        entries.deleteMany(new Document());
    }
}
