package school.evidence.query.plan;

import school.evidence.query.BatchedWrites;
import school.evidence.query.RecordedAt;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import school.evidence.query.replay.Touched;
import school.evidence.query.replay.MadeAgainForRecords;
import org.springframework.stereotype.Component;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.CriterionRagJudged;
import school.evidence.platform.axon.CommandMetadata;
import school.evidence.query.monitoring.MonitoringDocuments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * Each action's evidence trail: the monitoring that cites it and its RAG judgements, in recorded order.
 * Amendments and retractions appear as entries of their own; nothing earlier is rewritten. Each entry is its own
 * document (found by action, ordered by ledger position), so recording evidence costs the same however long the
 * trail already is (one document holding the whole trail was rewritten on every entry: the write path's hot spot).
 */
@Component
@ProcessingGroup(ActionTimelineProjection.GROUP)
class ActionTimelineProjection implements MadeAgainForRecords {

    static final String GROUP = "action-timeline";
    static final String COLLECTION = "action_timelines";

    private final MongoCollection<Document> timelines;
    private final MongoCollection<Document> entries;
    /** order of entries whose event has no ledger position (events handed over directly, as in unit tests) */
    /** which actions each activity currently cites, so an amendment or retraction reaches all of them */
    private final MongoCollection<Document> activityLinks;
    /**
     * Actions known to have a header (headers are only removed by a reset, which clears this): spares the header
     * read per entry. One id per action of every plan, a few thousand for a large trust.
     */
    private final Set<String> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ActionTimelineProjection(MongoDatabase database) {
        this.timelines = database.getCollection(COLLECTION);
        school.evidence.query.ReadModelIndexes.ensure(timelines, "byPlan",
                                                      com.mongodb.client.model.Indexes.ascending("planId"));
        this.entries = database.getCollection(ActionTimelines.ENTRIES);
        entries.createIndex(com.mongodb.client.model.Indexes.ascending("actionId", "order"),
                            new com.mongodb.client.model.IndexOptions().name("byActionInOrder"));
        this.activityLinks = database.getCollection("action_timeline_links");
    }

    @EventHandler
    void on(ActionAdded event, EventMessage<?> message) {
        open(event.actionId(), event.planId(), event.schoolUrn(), event.number(), event.details().title(), message);
    }

    @EventHandler
    void on(ActionCarriedForward event, EventMessage<?> message) {
        open(event.actionId(), event.planId(), event.schoolUrn(), event.number(), event.details().title(), message);
    }

    private void open(String actionId, String planId, String schoolUrn, String number, String title,
                      EventMessage<?> message) {
        // the first opening stays: a carried-forward action's header is refused as a duplicate
        BatchedWrites.addOnce(timelines, new InsertOneModel<>(new Document("_id", actionId).append("actionId", actionId)
                                                             .append("planId", planId)
                                                             .append(SCHOOL_URN, schoolUrn)
                                                             .append("number", number)
                                                             .append("title", title)
                                                             .append("openedAt", RecordedAt.format(message.getTimestamp()))));
        opened.add(actionId);
    }

    @EventHandler
    void on(MonitoringActivityRecorded event, EventMessage<?> message) {
        Document entry = entry("MONITORING_RECORDED", message)
                .append("activityId", event.activityId()).append("type", event.type().name()).append("version", 1)
                .append("details", MonitoringDocuments.details(event.details()));
        for (String actionId : event.details().actionIds()) {
            append(actionId, entry, message);
        }
        links(event.activityId(), event.details().actionIds());
    }

    @EventHandler
    void on(MonitoringActivityAmended event, EventMessage<?> message) {
        Set<String> reached = new LinkedHashSet<>(linked(event.activityId()));
        reached.addAll(event.details().actionIds());
        for (String actionId : reached) {
            append(actionId, entry("MONITORING_AMENDED", message)
                    .append("activityId", event.activityId()).append("type", event.type().name())
                    .append("version", event.version()).append("reason", event.reason())
                    .append("stillCitesThisAction", event.details().actionIds().contains(actionId))
                    .append("details", MonitoringDocuments.details(event.details())), message);
        }
        links(event.activityId(), event.details().actionIds());
    }

    @EventHandler
    void on(MonitoringActivityRetracted event, EventMessage<?> message) {
        for (String actionId : linked(event.activityId())) {
            append(actionId, entry("MONITORING_RETRACTED", message).append("activityId", event.activityId())
                                                                  .append("reason", event.reason()), message);
        }
    }

    @EventHandler
    void on(ActionRagJudged event, EventMessage<?> message) {
        append(event.actionId(), entry("RAG_JUDGED", message)
                .append("halfTerm", event.halfTerm().name()).append("status", event.status().name())
                .append("rationale", event.rationale()).append("evidence", event.evidence())
                .append("judgedBy", event.judgedBy()), message);
    }

    @EventHandler
    void on(CriterionRagJudged event, EventMessage<?> message) {
        append(event.actionId(), entry("CRITERION_RAG_JUDGED", message)
                .append("criterionId", event.criterionId())
                .append("halfTerm", event.halfTerm().name()).append("status", event.status().name())
                .append("rationale", event.rationale()).append("evidence", event.evidence())
                .append("judgedBy", event.judgedBy()), message);
    }

    /** An entry needs its action's header, opened by the school's plans; an activity's entries, its own links. */
    @Override
    public Set<String> feeding(Touched touched, MongoDatabase live) {
        Set<String> records = new TreeSet<>(touched.records());
        records.addAll(touched.plans());
        return records;
    }

    /** The touched plans' headers, the touched events' entries (found by event in the shadow), their links. */
    @Override
    public Map<String, Documents> written(Touched touched, MongoDatabase live) {
        return Map.of(COLLECTION, Documents.matching(in("planId", touched.records())),
                                ActionTimelines.ENTRIES, Documents.foundInShadow(in("eventId", touched.events())),
                                "action_timeline_links", Documents.matching(in("_id", touched.records())));
    }

    @ResetHandler
    void reset() {
        opened.clear();
        timelines.deleteMany(new Document());
        entries.deleteMany(new Document());
        activityLinks.deleteMany(new Document());
    }

    private static Document entry(String kind, EventMessage<?> message) {
        return new Document("eventId", message.getIdentifier()).append("kind", kind)
                                                               .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                                               .append("recordedBy",
                                                                       message.getMetaData().get(CommandMetadata.ACTOR));
    }

    private void append(String actionId, Document entry, EventMessage<?> message) {
        String entryId = actionId + "|" + entry.getString("eventId");
        // only actions of a plan have a header: the command side never cites others. (The header once also listed
        // its entries' keys; rewriting that growing list on every entry paced a catch-up, and readers now find an
        // action's entries through the index by action.)
        if (!hasHeader(actionId)) {
            return;
        }
        // in the order recorded (microseconds): the same in every replay. The stream's position is not: an event
        // written while another writer's earlier position was still open reaches a live reader after it, carrying
        // the later position, but a rebuild reads it in its own place
        Instant at = message.getTimestamp();
        long order = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        Document stored = new Document(entry).append("_id", entryId).append("actionId", actionId)
                                             .append("order", order);
        // keyed by action and event: a redelivered event replaces its own entry, never adds a second
        BatchedWrites.add(entries, new ReplaceOneModel<>(eq("_id", entryId), stored, new ReplaceOptions().upsert(true)));
    }

    private boolean hasHeader(String actionId) {
        if (opened.contains(actionId)) {
            return true;
        }
        BatchedWrites.flush(); // reads its own batch's writes
        if (timelines.find(eq("_id", actionId)).projection(new Document("_id", 1)).first() == null) {
            return false;
        }
        opened.add(actionId);
        return true;
    }

    private void links(String activityId, List<String> actionIds) {
        BatchedWrites.add(activityLinks, new ReplaceOneModel<>(eq("_id", activityId),
                                                               new Document("_id", activityId).append("actionIds", actionIds),
                                                               new ReplaceOptions().upsert(true)));
    }

    @SuppressWarnings("unchecked")
    private List<String> linked(String activityId) {
        BatchedWrites.flush();
        Document links = activityLinks.find(eq("_id", activityId)).first();
        return links == null ? List.of() : (List<String>) links.get("actionIds");
    }
}
