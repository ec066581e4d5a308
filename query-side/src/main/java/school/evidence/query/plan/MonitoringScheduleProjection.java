package school.evidence.query.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import school.evidence.query.replay.Touched;
import school.evidence.query.replay.MadeAgainForRecords;
import org.springframework.stereotype.Component;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringRevised;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Planned monitoring per plan, keyed by planned id, with the activities that carried it out. */
@Component
@ProcessingGroup("monitoring-schedule")
class MonitoringScheduleProjection implements MadeAgainForRecords {

    static final String COLLECTION = "monitoring_schedule";
    private final MongoCollection<Document> schedule;

    MonitoringScheduleProjection(MongoDatabase database) {
        this.schedule = database.getCollection(COLLECTION);
        school.evidence.query.ReadModelIndexes.ensure(schedule, "planByHalfTerm", com.mongodb.client.model.Indexes
                .ascending("planId", "halfTerm", "_id"));
        school.evidence.query.ReadModelIndexes.ensure(schedule, "byFulfillingActivity",
                                                      com.mongodb.client.model.Indexes.ascending("fulfilledBy.activityId"));
    }

    @EventHandler
    void on(MonitoringPlanned event) {
        Document existing = schedule.find(eq("_id", event.plannedId())).first();
        Document row = existing != null ? existing : new Document("_id", event.plannedId())
                .append("plannedId", event.plannedId()).append("planId", event.planId())
                .append(SCHOOL_URN, event.schoolUrn()).append("cancelled", false)
                .append("fulfilledBy", new ArrayList<>());
        write(row.append("halfTerm", event.halfTerm().name()).append("type", event.type().name())
                 .append("subject", event.subject()).append("actionIds", event.actionIds()).append("who", event.who()));
    }

    @EventHandler
    void on(PlannedMonitoringRevised event) {
        Document row = schedule.find(eq("_id", event.plannedId())).first();
        if (row != null) {
            write(row.append("halfTerm", event.halfTerm().name()).append("type", event.type().name())
                     .append("subject", event.subject()).append("actionIds", event.actionIds())
                     .append("who", event.who()).append("revisionReason", event.reason()));
        }
    }

    @EventHandler
    void on(PlannedMonitoringCancelled event) {
        Document row = schedule.find(eq("_id", event.plannedId())).first();
        if (row != null) {
            write(row.append("cancelled", true).append("cancellationReason", event.reason()));
        }
    }

    @EventHandler
    void on(MonitoringActivityRecorded event) {
        if (event.fulfils() == null) {
            return;
        }
        Document row = schedule.find(eq("_id", event.fulfils())).first();
        if (row != null) {
            List<Document> by = row.getList("fulfilledBy", Document.class);
            if (by.stream().noneMatch(f -> event.activityId().equals(f.getString("activityId")))) {
                by.add(new Document("activityId", event.activityId())
                               .append("occurredOn", event.details().occurredOn().toString()).append("retracted", false));
                write(row);
            }
        }
    }

    @EventHandler
    void on(MonitoringActivityRetracted event) {
        for (Document row : schedule.find(eq("fulfilledBy.activityId", event.activityId())).into(new ArrayList<>())) {
            row.getList("fulfilledBy", Document.class).stream()
               .filter(f -> event.activityId().equals(f.getString("activityId")))
               .forEach(f -> f.put("retracted", true));
            write(row);
        }
    }

    /** A planned visit's row is made from its plan's events and those of every visit that fulfilled it. */
    @Override
    public Set<String> feeding(Touched touched, MongoDatabase live) {
        Set<String> records = new TreeSet<>(touched.records());
        for (Document row : reachedBy(touched, live)) {
            records.add(row.getString("planId"));
            row.getList("fulfilledBy", Document.class, List.of()).forEach(f -> records.add(f.getString("activityId")));
        }
        return records;
    }

    @Override
    public Map<String, Documents> written(Touched touched, MongoDatabase live) {
        List<String> ids = reachedBy(touched, live).stream().map(row -> row.getString("_id")).toList();
        return Map.of(COLLECTION, Documents.matching(in("_id", ids)));
    }

    /** The rows of the touched plans and those the touched visits fulfilled. */
    private static List<Document> reachedBy(Touched touched, MongoDatabase live) {
        MongoCollection<Document> schedule = live.getCollection(COLLECTION);
        Map<String, Document> found = new TreeMap<>();
        for (var where : List.of(in("planId", touched.records()), in("fulfilledBy.activityId", touched.records()))) {
            schedule.find(where).projection(new Document("planId", 1).append("fulfilledBy.activityId", 1))
                    .forEach(row -> found.put(row.getString("_id"), row));
        }
        return List.copyOf(found.values());
    }

    @ResetHandler
    void reset() {
        schedule.deleteMany(new Document());
    }

    private void write(Document row) {
        schedule.replaceOne(eq("_id", row.getString("_id")), row, new ReplaceOptions().upsert(true));
    }
}
