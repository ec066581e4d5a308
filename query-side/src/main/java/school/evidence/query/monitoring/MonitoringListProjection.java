package school.evidence.query.monitoring;

import school.evidence.query.replay.Touched;
import school.evidence.query.replay.MadeAgainForRecords;
import school.evidence.query.BatchedWrites;
import school.evidence.query.RecordedAt;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
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
import school.evidence.platform.axon.CommandMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * A school's monitoring records: the current version of each, with every earlier version and any retraction kept
 * beside it. {@code confidential} is on every row now; a later issue restricts who may read such rows.
 * <p>
 * Beside the records, one small row per version ({@link MonitoringVersions}), from which a page of a past list is
 * chosen by index before only the page's records are read whole (see {@link MonitoringAsOf}).
 */
@Component
@ProcessingGroup(MonitoringListProjection.GROUP)
class MonitoringListProjection implements MadeAgainForRecords {

    static final String GROUP = "monitoring-list";
    static final String COLLECTION = "monitoring_activities";

    private final MongoCollection<Document> activities;
    private final MonitoringVersions versions;

    MonitoringListProjection(MongoDatabase database) {
        this.activities = database.getCollection(COLLECTION);
        // the list's order: newest visit first, then as recorded (and by id, so pages never overlap)
        school.evidence.query.ReadModelIndexes.ensure(activities, "schoolNewestFirst", Indexes.compoundIndex(
                Indexes.ascending(SCHOOL_URN), Indexes.descending("current.occurredOn"),
                Indexes.ascending("recordedAt", "_id")), "schoolByDate");
        // the list's length, counted from this index alone (by kind and date too) rather than by reading every record
        activities.createIndex(Indexes.ascending(SCHOOL_URN, "retracted", "type", "current.occurredOn"),
                               new IndexOptions().name("schoolListed"));
        this.versions = new MonitoringVersions(database, activities);
    }

    @EventHandler
    void on(MonitoringActivityRecorded event, @SequenceNumber long seq, EventMessage<?> message) {
        versions.recorded(event, message);
        Document current = MonitoringDocuments.details(event.details());
        List<Document> kept = new ArrayList<>();
        kept.add(version(1, current, null, message));
        BatchedWrites.addOnce(activities, new InsertOneModel<>(new Document("_id", event.activityId())
                                     .append("activityId", event.activityId())
                                     .append(SCHOOL_URN, event.schoolUrn())
                                     .append("planId", event.planId())
                                     .append("type", event.type().name())
                                     .append("current", current)
                                     .append("version", 1)
                                     .append("versions", kept)
                                     .append("retracted", false)
                                     .append("retraction", null)
                                     .append("confidential", event.details().confidential())
                                     .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                     .append("recordedBy", message.getMetaData().get(CommandMetadata.ACTOR))
                                     .append("seq", seq)));
    }

    @EventHandler
    void on(MonitoringActivityAmended event, @SequenceNumber long seq, EventMessage<?> message) {
        versions.amended(event, message);
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
        versions.retracted(event.activityId(), message);
        update(event.activityId(), seq, activity -> {
            activity.put("retracted", true);
            activity.put("retraction", new Document("reason", event.reason())
                    .append("retractedAt", RecordedAt.format(message.getTimestamp()))
                    .append("retractedBy", message.getMetaData().get(CommandMetadata.ACTOR)));
        });
    }

    /** A record's document is made from its own events alone. */
    @Override
    public Map<String, Documents> written(Touched touched, MongoDatabase live) {
        return Map.of(COLLECTION, Documents.matching(in("_id", touched.records())));
    }

    @ResetHandler
    void reset() {
        activities.deleteMany(new Document());
        versions.reset();
    }

    private void update(String activityId, long seq, Consumer<Document> change) {
        BatchedWrites.flush(); // reads its own batch's writes
        Document activity = activities.find(eq("_id", activityId)).first();
        if (activity == null || activity.getLong("seq") >= seq) {
            return; // already applied
        }
        change.accept(activity);
        activity.put("seq", seq);
        BatchedWrites.add(activities, new ReplaceOneModel<>(eq("_id", activityId), activity));
    }

    private static Document version(int number, Document details, String reason, EventMessage<?> message) {
        return new Document("version", number).append("details", details).append("reason", reason)
                                              .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                              .append("recordedBy", message.getMetaData().get(CommandMetadata.ACTOR));
    }
}
