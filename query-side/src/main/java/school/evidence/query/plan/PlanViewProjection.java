package school.evidence.query.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.CriterionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringRevised;
import school.evidence.kernel.plan.PlanEvents.PlanClosed;
import school.evidence.kernel.plan.PlanEvents.PlanPublished;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityRevised;
import school.evidence.kernel.plan.PlanEvents.PriorityWithdrawn;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityLinkedToTrust;
import school.evidence.kernel.plan.PlanEvents.SubjectPlanAdded;
import school.evidence.kernel.triad.TriadEvents.TriadReviewRecorded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionRevised;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionWithdrawn;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;
import school.evidence.platform.axon.CommandMetadata;
import school.evidence.query.RecordedAt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * The plan as a leader reads it: priorities, sections, actions with their criteria and current RAG, revisions and
 * withdrawals kept beside what they changed. One document per plan, keyed by plan id; {@code version} is the plan's
 * last event sequence, which also makes a redelivered event a no-op.
 */
@Component
@ProcessingGroup(PlanViewProjection.GROUP)
class PlanViewProjection {

    static final String GROUP = "plan-view";
    static final String COLLECTION = "plan_views";

    static final String HISTORY = "plan_view_history";

    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> history;
    private final school.evidence.query.VersionHistory versions;

    PlanViewProjection(MongoDatabase database) {
        this.plans = database.getCollection(COLLECTION);
        this.history = database.getCollection(HISTORY);
        this.versions = new school.evidence.query.VersionHistory(history, "plan");
        school.evidence.query.ReadModelIndexes.ensure(plans, "schoolByYear", com.mongodb.client.model.Indexes
                .ascending(school.evidence.query.ReadModels.SCHOOL_URN, "academicYear"));
    }

    @EventHandler
    void on(ImprovementPlanCreated event, EventMessage<?> message) {
        if (plans.find(eq("_id", event.planId())).first() != null) {
            return;
        }
        long seq = sequenceOf(message);
        Document plan = new Document("_id", event.planId())
                                .append("planId", event.planId())
                                .append(SCHOOL_URN, event.schoolUrn())
                                .append("academicYear", event.academicYear())
                                .append("title", event.title())
                                .append("status", "DRAFT")
                                .append("createdAt", RecordedAt.format(message.getTimestamp()))
                                .append("version", seq)
                                .append("priorities", new ArrayList<>())
                                .append("sections", new ArrayList<>())
                                .append("subjectPlans", new ArrayList<>())
                                .append("actions", new ArrayList<>());
        remember(plan, message);
        plans.insertOne(plan);
    }

    @EventHandler
    void on(PriorityAdded event, EventMessage<?> message) {
        update(event.planId(), message, plan -> list(plan, "priorities").add(
                new Document("code", event.code()).append("statement", event.statement())
                                                  .append("dueBy", names(event.dueBy()))
                                                  .append("withdrawn", false)
                                                  .append("revisions", new ArrayList<>())));
    }

    @EventHandler
    void on(PriorityRevised event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            Document priority = find(plan, "priorities", "code", event.code());
            revise(priority, message, event.reason(), new Document("statement", priority.get("statement"))
                    .append("dueBy", priority.get("dueBy")));
            priority.put("statement", event.statement());
            priority.put("dueBy", names(event.dueBy()));
        });
    }

    @EventHandler
    void on(PriorityLinkedToTrust event, EventMessage<?> message) {
        update(event.planId(), message, plan -> find(plan, "priorities", "code", event.code()).put("trustLink",
                new Document("trustPlanId", event.trustPlanId()).append("trustId", event.trustId())
                                                                .append("code", event.trustPriority())));
    }

    @EventHandler
    void on(PriorityWithdrawn event, EventMessage<?> message) {
        update(event.planId(), message, plan -> withdraw(find(plan, "priorities", "code", event.code()), message,
                                                     event.reason()));
    }

    @EventHandler
    void on(SectionAdded event, EventMessage<?> message) {
        update(event.planId(), message, plan -> list(plan, "sections").add(
                new Document("sectionId", event.sectionId()).append("title", event.details().title())
                                                            .append("aim", event.details().aim())
                                                            .append("ethosLinks", event.details().ethosLinks())
                                                            .append("ofstedAreas", names(event.details().ofstedAreas()))));
    }

    @EventHandler
    void on(SubjectPlanAdded event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            if (!(plan.get("subjectPlans") instanceof List<?>)) {
                plan.put("subjectPlans", new ArrayList<Document>()); // plans made before subject plans were kept
            }
            list(plan, "subjectPlans").add(new Document("subjectPlanId", event.subjectPlanId())
                    .append("area", event.details().area()).append("kind", event.details().kind().name())
                    .append("leader", event.details().leader()).append("title", event.details().title()));
        });
    }

    @EventHandler
    void on(ActionAdded event, EventMessage<?> message) {
        update(event.planId(), message, plan -> list(plan, "actions").add(
                agreedAt(plan, newAction(event.actionId(), event.sectionId(), event.number(), event.details()))));
    }

    /** A triad review comes just before the actions it agreed: each of them names the review it came from. */
    @EventHandler
    void on(TriadReviewRecorded event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            if (!(plan.get("triadReviews") instanceof List<?>)) {
                plan.put("triadReviews", new ArrayList<Document>()); // plans made before triad reviews were kept
            }
            list(plan, "triadReviews").add(new Document("reviewId", event.reviewId())
                    .append("trustId", event.trustId()).append("triadId", event.triadId())
                    .append("term", event.term().name()).append("reviewedOn", event.reviewedOn().toString())
                    .append("reviewingSchools", event.reviewingSchools()).append("reviewers", event.reviewers())
                    .append("focus", event.focus()).append("findings", event.findings())
                    .append("actionIds", event.actionIds())
                    .append("recordedAt", RecordedAt.format(message.getTimestamp())));
        });
    }

    private static Document agreedAt(Document plan, Document action) {
        if (plan.get("triadReviews") instanceof List<?>) {
            list(plan, "triadReviews").stream()
                    .filter(r -> r.getList("actionIds", String.class).contains(action.getString("actionId")))
                    .findFirst().ifPresent(r -> action.append("agreedAt", new Document("reviewId", r.get("reviewId"))
                            .append("term", r.get("term")).append("reviewedOn", r.get("reviewedOn"))));
        }
        return action;
    }

    @EventHandler
    void on(ActionCarriedForward event, EventMessage<?> message) {
        update(event.planId(), message, plan -> list(plan, "actions").add(
                newAction(event.actionId(), event.sectionId(), event.number(), event.details())
                        .append("carriedFrom", new Document("planId", event.fromPlanId())
                                .append("actionId", event.fromActionId())
                                .append("droppedPriorities", event.droppedPriorities()))));
    }

    @EventHandler
    void on(ActionRevised event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            Document action = find(plan, "actions", "actionId", event.actionId());
            Document before = new Document();
            details(new Document(), null).keySet().forEach(k -> before.append(k, action.get(k)));
            revise(action, message, event.reason(), before);
            action.putAll(details(new Document(), event.details()));
        });
    }

    @EventHandler
    void on(ActionWithdrawn event, EventMessage<?> message) {
        update(event.planId(), message, plan -> withdraw(find(plan, "actions", "actionId", event.actionId()), message,
                                                     event.reason()));
    }

    @EventHandler
    void on(SuccessCriterionAdded event, EventMessage<?> message) {
        update(event.planId(), message, plan -> list(find(plan, "actions", "actionId", event.actionId()), "criteria").add(
                new Document("criterionId", event.criterionId()).append("text", event.text())
                                                                .append("halfTerms", names(event.halfTerms()))
                                                                .append("withdrawn", false)
                                                                .append("revisions", new ArrayList<>())
                                                                .append("rag", null)
                                                                .append("ragJudgement", null)
                                                                .append("ragByHalfTerm", new Document())));
    }

    @EventHandler
    void on(SuccessCriterionRevised event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            Document criterion = find(find(plan, "actions", "actionId", event.actionId()), "criteria", "criterionId",
                                      event.criterionId());
            revise(criterion, message, event.reason(), new Document("text", criterion.get("text"))
                    .append("halfTerms", criterion.get("halfTerms")));
            criterion.put("text", event.text());
            criterion.put("halfTerms", names(event.halfTerms()));
        });
    }

    @EventHandler
    void on(SuccessCriterionWithdrawn event, EventMessage<?> message) {
        update(event.planId(), message, plan -> withdraw(find(find(plan, "actions", "actionId", event.actionId()),
                                                          "criteria", "criterionId", event.criterionId()),
                                                     message, event.reason()));
    }

    @EventHandler
    void on(ActionRagJudged event, EventMessage<?> message) {
        update(event.planId(), message, plan -> judge(find(plan, "actions", "actionId", event.actionId()),
                                                  event.halfTerm(), event.status(), event.rationale(),
                                                  event.evidence(), event.judgedBy(), message));
    }

    @EventHandler
    void on(CriterionRagJudged event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            Document criterion = find(find(plan, "actions", "actionId", event.actionId()), "criteria", "criterionId",
                                      event.criterionId());
            judge(criterion, event.halfTerm(), event.status(), event.rationale(), event.evidence(), event.judgedBy(),
                  message);
            criterion.get("ragByHalfTerm", Document.class).put(event.halfTerm().name(), event.status().name());
        });
    }

    @EventHandler
    void on(PlanPublished event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            plan.put("status", "PUBLISHED");
            plan.put("publishedAt", RecordedAt.format(message.getTimestamp()));
        });
    }

    @EventHandler
    void on(PlanClosed event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            plan.put("status", "CLOSED");
            plan.put("closedAt", RecordedAt.format(message.getTimestamp()));
            plan.put("closeReason", event.reason());
        });
    }

    @ResetHandler
    void reset() {
        plans.deleteMany(new Document());
        history.deleteMany(new Document());
    }

    private static Document newAction(String actionId, String sectionId, String number, ActionDetails details) {
        return details(new Document("actionId", actionId).append("sectionId", sectionId).append("number", number),
                       details)
                .append("withdrawn", false)
                .append("revisions", new ArrayList<>())
                .append("criteria", new ArrayList<>())
                .append("rag", null)
                .append("ragJudgement", null);
    }

    /** The editable fields of an action; with null details, just their names. */
    private static Document details(Document into, ActionDetails d) {
        return into.append("title", d == null ? null : d.title())
                   .append("priorities", d == null ? null : d.priorities())
                   .append("ofstedActions", d == null ? null : d.ofstedActions())
                   .append("leads", d == null ? null : d.leads())
                   .append("governorLink", d == null ? null : d.governorLink())
                   .append("resources", d == null ? null : d.resources())
                   .append("costPounds", d == null || d.costPounds() == null ? null : d.costPounds().toPlainString())
                   .append("monitoredBy", d == null ? null : d.monitoredBy())
                   .append("evaluatedBy", d == null ? null : d.evaluatedBy())
                   .append("timescale", d == null ? null : TimescaleDocs.of(d.timescale()))
                   .append("costBasis", d == null || d.costBasis() == null ? null : d.costBasis().name())
                   .append("fundingSource", d == null ? null : d.fundingSource())
                   .append("wholeCostPounds", d == null || d.wholeCost(1) == null ? null
                           : d.wholeCost(1).toPlainString())
                   .append("supports", d == null ? null : d.supports());
    }

    private static void judge(Document target, HalfTerm halfTerm, Rag status, String rationale, List<String> evidence,
                              String judgedBy, EventMessage<?> message) {
        target.put("rag", status.name());
        target.put("ragJudgement", new Document("status", status.name())
                .append("meaning", status.meaning())
                .append("halfTerm", halfTerm.name())
                .append("rationale", rationale)
                .append("evidence", evidence)
                .append("judgedBy", judgedBy)
                .append("judgedByRole", message.getMetaData().get(CommandMetadata.ACTOR_ROLE))
                .append("judgedAt", RecordedAt.format(message.getTimestamp())));
    }

    private static void revise(Document target, EventMessage<?> message, String reason, Document before) {
        list(target, "revisions").add(new Document("revisedAt", RecordedAt.format(message.getTimestamp()))
                                              .append("revisedBy", message.getMetaData().get(CommandMetadata.ACTOR))
                                              .append("reason", reason)
                                              .append("before", before));
    }

    private static void withdraw(Document target, EventMessage<?> message, String reason) {
        target.put("withdrawn", true);
        target.put("withdrawal", new Document("reason", reason)
                .append("withdrawnAt", RecordedAt.format(message.getTimestamp()))
                .append("withdrawnBy", message.getMetaData().get(CommandMetadata.ACTOR)));
    }

    /** Planned monitoring is read from the schedule, but each such event is a version of the plan (its ETag). */
    @EventHandler
    void on(MonitoringPlanned event, EventMessage<?> message) {
        update(event.planId(), message, plan -> { });
    }

    @EventHandler
    void on(PlannedMonitoringRevised event, EventMessage<?> message) {
        update(event.planId(), message, plan -> { });
    }

    @EventHandler
    void on(PlannedMonitoringCancelled event, EventMessage<?> message) {
        update(event.planId(), message, plan -> { });
    }

    private void update(String planId, EventMessage<?> message, Consumer<Document> change) {
        long seq = sequenceOf(message);
        Document plan = plans.find(eq("_id", planId)).first();
        if (plan == null || plan.getLong("version") >= seq) {
            return; // already applied (redelivery after a crash)
        }
        change.accept(plan);
        plan.put("version", seq);
        remember(plan, message);
        plans.replaceOne(eq("_id", planId), plan);
    }

    /**
     * Keeps every version of the plan, keyed {@code <planId>:<version>} with when it was recorded, so the plan as it
     * stood at any instant is a binary search of keyed lookups (see {@link school.evidence.query.VersionHistory}).
     */
    private void remember(Document plan, EventMessage<?> message) {
        versions.remember(plan.getString("_id"), plan.getLong("version"), RecordedAt.format(message.getTimestamp()),
                          plan);
    }

    private static long sequenceOf(EventMessage<?> message) {
        return ((org.axonframework.eventhandling.DomainEventMessage<?>) message).getSequenceNumber();
    }

    @SuppressWarnings("unchecked")
    static List<Document> list(Document doc, String field) {
        return (List<Document>) doc.get(field);
    }

    private static Document find(Document parent, String list, String key, String value) {
        return list(parent, list).stream().filter(d -> value.equals(d.getString(key))).findFirst()
                                 .orElseThrow(() -> new IllegalStateException(
                                         "Plan view has no " + key + " " + value + "; the ledger does"));
    }

    private static List<String> names(java.util.Collection<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().sorted().map(Enum::name).toList();
    }
}
