package school.evidence.query.retention;

import school.evidence.query.replay.Touched;
import school.evidence.query.replay.MadeAgainForRecords;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldPlaced;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldReleased;
import school.evidence.kernel.retention.RetentionEvents.RecordShredded;
import school.evidence.kernel.retention.RetentionSchedule;
import school.evidence.query.BatchedWrites;
import school.evidence.query.RecordedAt;

import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Each record with a retention period: its type and date, its legal hold, and when it was shredded. No content. */
@Component
@ProcessingGroup("retention-register")
class RetentionRegisterProjection implements MadeAgainForRecords {

    static final String COLLECTION = "retention_records";

    private final MongoCollection<Document> records;

    RetentionRegisterProjection(MongoDatabase database) {
        this.records = database.getCollection(COLLECTION);
        records.createIndex(Indexes.ascending(SCHOOL_URN, "madeOn"), new IndexOptions().name("schoolByDate"));
    }

    @EventHandler
    void on(MonitoringActivityRecorded event) {
        made(event.activityId(), event.schoolUrn(), RecordKind.MONITORING_ACTIVITY, event.type().name(),
             event.details().occurredOn().toString());
    }

    @EventHandler
    void on(MonitoringActivityAmended event) {
        made(event.activityId(), event.schoolUrn(), RecordKind.MONITORING_ACTIVITY, event.type().name(),
             event.details().occurredOn().toString());
    }

    @EventHandler
    void on(ChallengeRaised event) {
        made(event.challengeId(), event.schoolUrn(), RecordKind.CHALLENGE, RetentionSchedule.CHALLENGE,
             event.raisedOn().toString());
    }

    @EventHandler
    void on(LegalHoldPlaced event, EventMessage<?> message) {
        BatchedWrites.add(records, new UpdateOneModel<>(eq("_id", event.recordId()), Updates.combine(
                Updates.set("held", true), Updates.set("holdReason", event.reason()),
                Updates.set("heldAt", RecordedAt.format(message.getTimestamp())))));
    }

    @EventHandler
    void on(LegalHoldReleased event) {
        BatchedWrites.add(records, new UpdateOneModel<>(eq("_id", event.recordId()), Updates.combine(
                Updates.set("held", false), Updates.unset("holdReason"), Updates.unset("heldAt"))));
    }

    @EventHandler
    void on(RecordShredded event, EventMessage<?> message) {
        BatchedWrites.add(records, new UpdateOneModel<>(eq("_id", event.recordId()), Updates.combine(
                Updates.set("shredded", true), Updates.set("shreddedAt", RecordedAt.format(message.getTimestamp())),
                Updates.set("retentionYears", event.retentionYears()),
                Updates.set("retainedUntil", event.retainedUntil().toString()))));
    }

    private void made(String recordId, String schoolUrn, RecordKind kind, String recordType, String madeOn) {
        BatchedWrites.add(records, new UpdateOneModel<>(eq("_id", recordId), Updates.combine(
                Updates.set("recordId", recordId), Updates.set(SCHOOL_URN, schoolUrn),
                Updates.set("kind", kind.name()), Updates.set("recordType", recordType), Updates.set("madeOn", madeOn),
                Updates.setOnInsert("held", false), Updates.setOnInsert("shredded", false)),
                          new UpdateOptions().upsert(true)));
    }

    /** A record's row is made from its own events alone (its holds and shredding are on its stream too). */
    @Override
    public Map<String, Documents> written(Touched touched, MongoDatabase live) {
        return Map.of(COLLECTION, Documents.matching(in("_id", touched.records())));
    }

    @ResetHandler
    void reset() {
        records.deleteMany(new Document());
    }
}
