package school.evidence.query.monitoring;

import school.evidence.query.BatchedWrites;
import school.evidence.query.RecordedAt;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.platform.axon.CommandMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * A school's monitoring records: the current version of each, with every earlier version and any retraction kept
 * beside it. {@code confidential} is on every row now; a later issue restricts who may read such rows.
 * <p>
 * Beside each record, in {@code monitoring_order}, the few fields that place it in a past list (when each version
 * was recorded, the date it happened, its type, actions and pupil groups, when it was retracted): a page of a past
 * list is chosen from these small rows, and only the page's records are read whole (see {@link MonitoringAsOf}).
 */
@Component
@ProcessingGroup(MonitoringListProjection.GROUP)
class MonitoringListProjection {

    static final String GROUP = "monitoring-list";
    static final String COLLECTION = "monitoring_activities";
    static final String ORDER_COLLECTION = "monitoring_order";

    private final MongoCollection<Document> activities;
    private final MongoCollection<Document> order;

    MonitoringListProjection(MongoDatabase database) {
        this.activities = database.getCollection(COLLECTION);
        this.order = database.getCollection(ORDER_COLLECTION);
        // the list's order: newest visit first, then as recorded (and by id, so pages never overlap)
        school.evidence.query.ReadModelIndexes.ensure(activities, "schoolNewestFirst", Indexes.compoundIndex(
                Indexes.ascending(SCHOOL_URN), Indexes.descending("current.occurredOn"),
                Indexes.ascending("recordedAt", "_id")), "schoolByDate");
        order.createIndex(Indexes.ascending(SCHOOL_URN), new IndexOptions().name("school"));
        fillOrderFromRecords();
    }

    @EventHandler
    void on(MonitoringActivityRecorded event, @SequenceNumber long seq, EventMessage<?> message) {
        // first, and whole, unless a later event already reached it (a redelivery then finds no row to replace,
        // and its insert is refused as a duplicate)
        BatchedWrites.addOnce(order, new ReplaceOneModel<>(and(eq("_id", event.activityId()), lte("seq", seq)),
                             new Document("_id", event.activityId()).append("activityId", event.activityId())
                                     .append(SCHOOL_URN, event.schoolUrn()).append("type", event.type().name())
                                     .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                     .append("versions", List.of(orderVersion(1, event.details(), message)))
                                     .append("retraction", null).append("seq", seq),
                             new ReplaceOptions().upsert(true)));
        Document current = MonitoringDocuments.details(event.details());
        List<Document> versions = new ArrayList<>();
        versions.add(version(1, current, null, message));
        BatchedWrites.addOnce(activities, new InsertOneModel<>(new Document("_id", event.activityId())
                                     .append("activityId", event.activityId())
                                     .append(SCHOOL_URN, event.schoolUrn())
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
                                     .append("seq", seq)));
    }

    @EventHandler
    void on(MonitoringActivityAmended event, @SequenceNumber long seq, EventMessage<?> message) {
        BatchedWrites.add(order, new UpdateOneModel<>(and(eq("_id", event.activityId()), lt("seq", seq)),
                        combine(push("versions", orderVersion(event.version(), event.details(), message)),
                                set("seq", seq))));
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
        BatchedWrites.add(order, new UpdateOneModel<>(and(eq("_id", event.activityId()), lt("seq", seq)),
                        combine(set("retraction", new Document("retractedAt",
                                                               RecordedAt.format(message.getTimestamp()))),
                                set("seq", seq))));
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
        order.deleteMany(new Document());
    }

    /** What placing a version in a past list needs of it (the fields {@link MonitoringFilter} tests). */
    private static Document orderVersion(int number, MonitoringDetails details, EventMessage<?> message) {
        Document focus = details.focus() == null ? null
                : new Document("pupilGroups", details.focus().pupilGroups().stream().map(Enum::name).sorted().toList());
        return new Document("version", number).append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                              .append("details", new Document("occurredOn", details.occurredOn().toString())
                                                      .append("actionIds", details.actionIds())
                                                      .append("focus", focus));
    }

    /**
     * A store whose records were written before {@code monitoring_order} existed gets its order rows once, from the
     * records themselves (each keeps every version); a projection being rebuilt starts empty and skips this.
     */
    private void fillOrderFromRecords() {
        if (order.estimatedDocumentCount() > 0 || activities.estimatedDocumentCount() == 0) {
            return;
        }
        List<WriteModel<Document>> rows = new ArrayList<>();
        for (Document record : activities.find()) {
            List<Document> versions = new ArrayList<>();
            for (Document version : record.getList("versions", Document.class)) {
                Document details = version.get("details", Document.class);
                Document focus = details.get("focus", Document.class);
                versions.add(new Document("version", version.getInteger("version"))
                                     .append("recordedAt", version.getString("recordedAt"))
                                     .append("details", new Document("occurredOn", details.getString("occurredOn"))
                                             .append("actionIds", details.getList("actionIds", String.class))
                                             .append("focus", focus == null ? null
                                                     : new Document("pupilGroups", focus.get("pupilGroups")))));
            }
            Document retraction = record.get("retraction", Document.class);
            rows.add(new InsertOneModel<>(new Document("_id", record.get("_id"))
                    .append("activityId", record.getString("activityId")).append(SCHOOL_URN, record.getString(SCHOOL_URN))
                    .append("type", record.getString("type")).append("recordedAt", record.getString("recordedAt"))
                    .append("versions", versions)
                    .append("retraction", retraction == null ? null
                            : new Document("retractedAt", retraction.getString("retractedAt")))
                    .append("seq", record.get("seq"))));
            if (rows.size() == 1000) {
                order.bulkWrite(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            order.bulkWrite(rows);
        }
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
