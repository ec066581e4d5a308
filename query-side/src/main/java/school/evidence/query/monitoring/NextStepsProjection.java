package school.evidence.query.monitoring;

import school.evidence.query.replay.Touched;
import school.evidence.query.replay.MadeAgainForRecords;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.query.BatchedWrites;
import school.evidence.query.RecordedAt;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.TreeSet;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * Agreed next steps, one row each keyed by step id: who owns it, when it is due, and the later monitoring that
 * checked it. A step dropped by an amendment is {@code REMOVED}; a retracted activity's steps are {@code WITHDRAWN}.
 */
@Component
@ProcessingGroup("next-steps")
class NextStepsProjection implements MadeAgainForRecords {

    static final String COLLECTION = "next_steps";
    private final MongoCollection<Document> steps;

    NextStepsProjection(MongoDatabase database) {
        this.steps = database.getCollection(COLLECTION);
        school.evidence.query.ReadModelIndexes.ensure(steps, "schoolByDueThenId",
                                                      Indexes.ascending(SCHOOL_URN, "dueOn", "_id"), "schoolByDue");
        school.evidence.query.ReadModelIndexes.ensure(steps, "byActivity", Indexes.ascending("activityId"));
        // the steps a visit checked: what an erasure of that visit makes again
        school.evidence.query.ReadModelIndexes.ensure(steps, "byChecker", Indexes.ascending("checks.activityId"));
    }

    @EventHandler
    void on(MonitoringActivityRecorded event, EventMessage<?> message) {
        apply(event.activityId(), event.schoolUrn(), event.details(), message);
    }

    @EventHandler
    void on(MonitoringActivityAmended event, EventMessage<?> message) {
        Set<String> kept = event.details().nextSteps().stream().map(MonitoringDetails.NextStep::stepId)
                                .collect(Collectors.toSet());
        BatchedWrites.flush(); // reads the steps this batch wrote
        for (Document step : steps.find(eq("activityId", event.activityId())).into(new ArrayList<>())) {
            if (!kept.contains(step.getString("_id")) && "OPEN".equals(step.getString("status"))) {
                steps.updateOne(eq("_id", step.getString("_id")), new Document("$set", new Document("status", "REMOVED")));
            }
        }
        apply(event.activityId(), event.schoolUrn(), event.details(), message);
    }

    @EventHandler
    void on(MonitoringActivityRetracted event) {
        BatchedWrites.flush(); // reads the steps this batch wrote
        for (Document step : steps.find(eq("activityId", event.activityId())).into(new ArrayList<>())) {
            if ("OPEN".equals(step.getString("status"))) {
                steps.updateOne(eq("_id", step.getString("_id")),
                                new Document("$set", new Document("status", "WITHDRAWN")));
            }
        }
    }

    /**
     * Each step written with the batch as one upsert (kept fields set only when the row is new), not read and
     * replaced one at a time: a replay of a thousand visits was two thousand round trips.
     */
    private void apply(String activityId, String urn, MonitoringDetails details, EventMessage<?> message) {
        for (MonitoringDetails.NextStep step : details.nextSteps()) {
            BatchedWrites.add(steps, new UpdateOneModel<>(eq("_id", step.stepId()), Updates.combine(
                    Updates.setOnInsert("stepId", step.stepId()), Updates.setOnInsert(SCHOOL_URN, urn),
                    Updates.setOnInsert("activityId", activityId),
                    Updates.setOnInsert("agreedOn", details.occurredOn().toString()),
                    Updates.setOnInsert("status", "OPEN"), Updates.setOnInsert("checks", List.of()),
                    Updates.set("text", step.text()), Updates.set("owner", step.owner()),
                    Updates.set("dueOn", step.dueOn().toString()), Updates.set("confidential", details.confidential()),
                    // who confidential notes are about, so that teacher can read their own next steps
                    Updates.set("teacherUserId", details.specifics().lessonVisit() == null ? null
                            : details.specifics().lessonVisit().teacherUserId())), new UpdateOptions().upsert(true)));
            // a step an earlier amendment dropped and this one brings back
            BatchedWrites.add(steps, new UpdateOneModel<>(and(eq("_id", step.stepId()), eq("status", "REMOVED")),
                                                          Updates.set("status", "OPEN")));
        }
        if (!details.nextStepChecks().isEmpty()) {
            BatchedWrites.flush(); // reads the steps this batch wrote
        }
        for (MonitoringDetails.NextStepCheck check : details.nextStepChecks()) {
            Document step = steps.find(eq("_id", check.nextStepId())).first();
            if (step == null) {
                continue; // the command side refuses checks of unknown steps; nothing to show
            }
            List<Document> checks = step.getList("checks", Document.class);
            if (checks.stream().noneMatch(c -> activityId.equals(c.getString("activityId"))
                    && message.getIdentifier().equals(c.getString("eventId")))) {
                checks.removeIf(c -> activityId.equals(c.getString("activityId")));
                checks.add(new Document("activityId", activityId).append("eventId", message.getIdentifier())
                                                                 .append("checkedOn", details.occurredOn().toString())
                                                                 .append("outcome", check.outcome().name())
                                                                 .append("impact", check.impact())
                                                                 .append("recordedAt", RecordedAt.format(message.getTimestamp())));
                step.put("status", "CHECKED");
                step.put("lastOutcome", check.outcome().name());
                steps.replaceOne(eq("_id", check.nextStepId()), step);
            }
        }
    }

    /** A step is made from its own visit's events and those of every visit that checked it. */
    @Override
    public Set<String> feeding(Touched touched, MongoDatabase live) {
        Set<String> records = new TreeSet<>(touched.records());
        for (Document step : reachedBy(touched, live)) {
            records.add(step.getString("activityId"));
            step.getList("checks", Document.class, List.of()).forEach(c -> records.add(c.getString("activityId")));
        }
        return records;
    }

    @Override
    public Map<String, Documents> written(Touched touched, MongoDatabase live) {
        List<String> ids = reachedBy(touched, live).stream().map(step -> step.getString("_id")).toList();
        return Map.of(COLLECTION, Documents.matching(in("_id", ids)));
    }

    /** The steps agreed in the touched visits or checked in them. */
    private static List<Document> reachedBy(Touched touched, MongoDatabase live) {
        MongoCollection<Document> steps = live.getCollection(COLLECTION);
        Map<String, Document> found = new TreeMap<>();
        for (var where : List.of(in("activityId", touched.records()), in("checks.activityId", touched.records()))) {
            steps.find(where).projection(new Document("activityId", 1).append("checks.activityId", 1))
                 .forEach(step -> found.put(step.getString("_id"), step));
        }
        return List.copyOf(found.values());
    }

    @ResetHandler
    void reset() {
        steps.deleteMany(new Document());
    }
}
