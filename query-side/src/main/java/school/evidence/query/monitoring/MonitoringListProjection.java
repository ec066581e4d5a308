package school.evidence.query.monitoring;

import school.evidence.query.RecordedAt;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.platform.store.CommandMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;

/**
 * A school's monitoring records: the current version of each, with every earlier version and any retraction kept
 * beside it. {@code confidential} is on every row now; a later issue restricts who may read such rows.
 */
@Component
@ProcessingGroup(MonitoringListProjection.GROUP)
class MonitoringListProjection {

    static final String GROUP = "monitoring-list";
    static final String COLLECTION = "monitoring_activities";

    private final MongoCollection<Document> activities;

    MonitoringListProjection(MongoDatabase database) {
        this.activities = database.getCollection(COLLECTION);
        activities.createIndex(Indexes.ascending("schoolUrn", "current.occurredOn"),
                               new IndexOptions().name("schoolByDate"));
    }

    @EventHandler
    void on(MonitoringActivityRecorded event, @SequenceNumber long seq, EventMessage<?> message) {
        if (activities.find(eq("_id", event.activityId())).first() != null) {
            return;
        }
        Document current = MonitoringDocuments.details(event.details());
        List<Document> versions = new ArrayList<>();
        versions.add(version(1, current, null, message));
        activities.insertOne(new Document("_id", event.activityId())
                                     .append("activityId", event.activityId())
                                     .append("schoolUrn", event.schoolUrn())
                                     .append("planId", event.planId())
                                     .append("type", event.type().name())
                                     .append("current", current)
                                     .append("version", 1)
                                     .append("versions", versions)
                                     .append("retracted", false)
                                     .append("retraction", null)
                                     .append("confidential", event.details().confidential())
                                     .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                     .append("recordedBy", message.getMetaData().get(CommandMetadata.ACTOR))
                                     .append("seq", seq));
    }

    @EventHandler
    void on(MonitoringActivityAmended event, @SequenceNumber long seq, EventMessage<?> message) {
        update(event.activityId(), seq, activity -> {
            Document current = MonitoringDocuments.details(event.details());
            activity.put("current", current);
            activity.put("planId", event.planId());
            activity.put("version", event.version());
            activity.put("confidential", event.details().confidential());
            activity.getList("versions", Document.class).add(version(event.version(), current, event.reason(), message));
        });
    }

    @EventHandler
    void on(MonitoringActivityRetracted event, @SequenceNumber long seq, EventMessage<?> message) {
        update(event.activityId(), seq, activity -> {
            activity.put("retracted", true);
            activity.put("retraction", new Document("reason", event.reason())
                    .append("retractedAt", RecordedAt.format(message.getTimestamp()))
                    .append("retractedBy", message.getMetaData().get(CommandMetadata.ACTOR)));
        });
    }

    @ResetHandler
    void reset() {
        activities.deleteMany(new Document());
    }

    private void update(String activityId, long seq, Consumer<Document> change) {
        Document activity = activities.find(eq("_id", activityId)).first();
        if (activity == null || activity.getLong("seq") >= seq) {
            return; // already applied
        }
        change.accept(activity);
        activity.put("seq", seq);
        activities.replaceOne(eq("_id", activityId), activity);
    }

    private static Document version(int number, Document details, String reason, EventMessage<?> message) {
        return new Document("version", number).append("details", details).append("reason", reason)
                                              .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                              .append("recordedBy", message.getMetaData().get(CommandMetadata.ACTOR));
    }
}
