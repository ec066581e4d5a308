package school.evidence.query.monitoring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.query.BatchedWrites;
import school.evidence.query.ReadModelIndexes;
import school.evidence.query.RecordedAt;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * One small row per version of each monitoring record, with when it was recorded and when it was superseded or
 * retracted: the versions current at an instant are the rows recorded by then and not superseded by then. A page of a
 * past list is then read like the live one, walking the school's rows newest first by the date things happened and
 * stopping at the page's end ({@link MonitoringAsOf}), instead of placing every record of the school. Only the fields
 * a past list is filtered and ordered on; the page's records are then read whole. Each write is idempotent on its
 * own (a redelivered insert is a duplicate; a supersession or retraction touches only rows still without one).
 */
final class MonitoringVersions {

    static final String COLLECTION = "monitoring_versions";
    /** The fields a past list is filtered and ordered on. */
    static final String OCCURRED_ON = "details.occurredOn";
    static final String FIRST_RECORDED_AT = "firstRecordedAt";
    static final String RECORDED_AT = "recordedAt";
    static final String SUPERSEDED_AT = "supersededAt";
    static final String RETRACTED_AT = "retractedAt";
    /**
     * When a version not (yet) superseded or retracted is: after every instant, so "current at an instant" is two
     * comparisons, which the store can count from an index alone (a null would need the rows themselves).
     */
    static final String NEVER = "9999-12-31T23:59:59.999999999Z";
    /** One row per record, which placed every record of a school for each past page; replaced by these rows. */
    private static final String FORMER = "monitoring_order";

    private final MongoCollection<Document> versions;

    MonitoringVersions(MongoDatabase database, MongoCollection<Document> activities) {
        this.versions = database.getCollection(COLLECTION);
        ReadModelIndexes.ensure(versions, "schoolNewestFirst", Indexes.compoundIndex(
                Indexes.ascending(SCHOOL_URN), Indexes.descending(OCCURRED_ON),
                Indexes.ascending(FIRST_RECORDED_AT, "activityId")));
        // what a past list's length is counted from, without reading the rows (filters on actions or pupil groups,
        // which are not in it, read them)
        versions.createIndex(Indexes.ascending(SCHOOL_URN, RECORDED_AT, SUPERSEDED_AT, RETRACTED_AT, "type",
                                               OCCURRED_ON), new IndexOptions().name("schoolAsOf"));
        versions.createIndex(Indexes.ascending("activityId"), new IndexOptions().name("record"));
        if (database.listCollectionNames().into(new ArrayList<>()).contains(FORMER)) {
            database.getCollection(FORMER).drop();
        }
        fillFromRecords(activities);
    }

    void recorded(MonitoringActivityRecorded event, EventMessage<?> message) {
        String at = RecordedAt.format(message.getTimestamp());
        BatchedWrites.addOnce(versions, new InsertOneModel<>(
                row(event.activityId(), event.schoolUrn(), event.type().name(), 1, at, at, NEVER, fields(event.details()))));
    }

    /**
     * A new row for the version, and the one it supersedes marked so. The record's type, first recording and
     * retraction are the same in all its rows (a record's type never changes; the list shows the type recorded).
     */
    void amended(MonitoringActivityAmended event, EventMessage<?> message) {
        BatchedWrites.flush(); // reads its own batch's writes
        Document first = versions.find(eq("activityId", event.activityId())).first();
        if (first == null) {
            return; // a record this read model never saw recorded
        }
        String at = RecordedAt.format(message.getTimestamp());
        BatchedWrites.addOnce(versions, new InsertOneModel<>(
                row(event.activityId(), event.schoolUrn(), first.getString("type"), event.version(), at,
                    first.getString(FIRST_RECORDED_AT), first.getString(RETRACTED_AT), fields(event.details()))));
        BatchedWrites.add(versions, new UpdateManyModel<>(
                and(eq("activityId", event.activityId()), lt("version", event.version()), eq(SUPERSEDED_AT, NEVER)),
                set(SUPERSEDED_AT, at)));
    }

    void retracted(String activityId, EventMessage<?> message) {
        BatchedWrites.add(versions, new UpdateManyModel<>(and(eq("activityId", activityId), eq(RETRACTED_AT, NEVER)),
                                                           set(RETRACTED_AT, RecordedAt.format(message.getTimestamp()))));
    }

    void reset() {
        versions.deleteMany(new Document());
    }

    private static Document row(String activityId, String urn, String type, int version, String recordedAt,
                                String firstRecordedAt, String retractedAt, Document details) {
        return new Document("_id", activityId + ":" + version).append("activityId", activityId)
                .append(SCHOOL_URN, urn).append("type", type).append("version", version)
                .append(RECORDED_AT, recordedAt).append(FIRST_RECORDED_AT, firstRecordedAt)
                .append(SUPERSEDED_AT, NEVER).append(RETRACTED_AT, retractedAt).append("details", details);
    }

    /** What a past list is filtered on (the fields {@link MonitoringFilter} tests). */
    private static Document fields(MonitoringDetails details) {
        Document focus = details.focus() == null ? null
                : new Document("pupilGroups", details.focus().pupilGroups().stream().map(Enum::name).sorted().toList());
        return new Document("occurredOn", details.occurredOn().toString()).append("actionIds", details.actionIds())
                                                                         .append("focus", focus);
    }

    /**
     * A store whose records were written before these rows existed gets them once, from the records themselves
     * (each keeps every version); a projection being rebuilt starts empty and skips this.
     */
    private void fillFromRecords(MongoCollection<Document> activities) {
        if (versions.estimatedDocumentCount() > 0 || activities.estimatedDocumentCount() == 0) {
            return;
        }
        List<WriteModel<Document>> rows = new ArrayList<>();
        for (Document record : activities.find()) {
            List<Document> kept = record.getList("versions", Document.class);
            Document retraction = record.get("retraction", Document.class);
            for (int i = 0; i < kept.size(); i++) {
                Document details = kept.get(i).get("details", Document.class);
                Document focus = details.get("focus", Document.class);
                Document row = row(record.getString("activityId"), record.getString(SCHOOL_URN),
                                   record.getString("type"), kept.get(i).getInteger("version"),
                                   kept.get(i).getString("recordedAt"), record.getString("recordedAt"),
                                   retraction == null ? NEVER : retraction.getString("retractedAt"),
                                   new Document("occurredOn", details.getString("occurredOn"))
                                           .append("actionIds", details.getList("actionIds", String.class))
                                           .append("focus", focus == null ? null
                                                   : new Document("pupilGroups", focus.get("pupilGroups"))));
                row.put(SUPERSEDED_AT, i + 1 < kept.size() ? kept.get(i + 1).getString("recordedAt") : NEVER);
                rows.add(new InsertOneModel<>(row));
            }
            if (rows.size() >= 1000) {
                versions.bulkWrite(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            versions.bulkWrite(rows);
        }
    }
}
