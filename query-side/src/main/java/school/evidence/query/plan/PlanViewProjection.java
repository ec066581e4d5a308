package school.evidence.query.plan;

import school.evidence.query.RecordedAt;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;

/**
 * The plan as a leader reads it: priorities, sections, actions with their criteria and current RAG. One document
 * per plan, keyed by plan id; {@code version} is the plan's last event sequence, which also makes a redelivered
 * event a no-op.
 */
@Component
@ProcessingGroup(PlanViewProjection.GROUP)
class PlanViewProjection {

    static final String GROUP = "plan-view";
    static final String COLLECTION = "plan_views";

    private final MongoCollection<Document> plans;

    PlanViewProjection(MongoDatabase database) {
        this.plans = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(ImprovementPlanCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (plans.find(eq("_id", event.planId())).first() != null) {
            return;
        }
        plans.insertOne(new Document("_id", event.planId())
                                .append("planId", event.planId())
                                .append("schoolUrn", event.schoolUrn())
                                .append("academicYear", event.academicYear())
                                .append("title", event.title())
                                .append("createdAt", RecordedAt.format(at))
                                .append("version", seq)
                                .append("priorities", new ArrayList<>())
                                .append("sections", new ArrayList<>())
                                .append("actions", new ArrayList<>()));
    }

    @EventHandler
    void on(PriorityAdded event, @SequenceNumber long seq) {
        update(event.planId(), seq, plan -> list(plan, "priorities").add(
                new Document("code", event.code()).append("statement", event.statement())
                                                  .append("dueBy", sortedNames(event.dueBy()))));
    }

    @EventHandler
    void on(SectionAdded event, @SequenceNumber long seq) {
        update(event.planId(), seq, plan -> list(plan, "sections").add(
                new Document("sectionId", event.sectionId()).append("title", event.title())
                                                            .append("ofstedAreas", sortedNames(event.ofstedAreas()))));
    }

    @EventHandler
    void on(ActionAdded event, @SequenceNumber long seq) {
        update(event.planId(), seq, plan -> list(plan, "actions").add(
                new Document("actionId", event.actionId()).append("sectionId", event.sectionId())
                                                          .append("number", event.number())
                                                          .append("title", event.title())
                                                          .append("priorities", event.priorities())
                                                          .append("leads", event.leads())
                                                          .append("governorLink", event.governorLink())
                                                          .append("criteria", new ArrayList<>())
                                                          .append("rag", null)
                                                          .append("ragJudgement", null)));
    }

    @EventHandler
    void on(SuccessCriterionAdded event, @SequenceNumber long seq) {
        update(event.planId(), seq, plan -> list(action(plan, event.actionId()), "criteria").add(
                new Document("criterionId", event.criterionId()).append("text", event.text())
                                                                .append("halfTerms", sortedNames(event.halfTerms()))));
    }

    @EventHandler
    void on(ActionRagJudged event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("actorRole") String role) {
        update(event.planId(), seq, plan -> {
            Document action = action(plan, event.actionId());
            action.put("rag", event.status().name());
            action.put("ragJudgement", new Document("status", event.status().name())
                    .append("meaning", event.status().meaning())
                    .append("halfTerm", event.halfTerm().name())
                    .append("rationale", event.rationale())
                    .append("evidence", event.evidence())
                    .append("judgedBy", event.judgedBy())
                    .append("judgedByRole", role)
                    .append("judgedAt", RecordedAt.format(at)));
        });
    }

    @ResetHandler
    void reset() {
        plans.deleteMany(new Document());
    }

    private void update(String planId, long seq, Consumer<Document> change) {
        Document plan = plans.find(eq("_id", planId)).first();
        if (plan == null || plan.getLong("version") >= seq) {
            return; // already applied (redelivery after a crash)
        }
        change.accept(plan);
        plan.put("version", seq);
        plans.replaceOne(eq("_id", planId), plan, new ReplaceOptions());
    }

    @SuppressWarnings("unchecked")
    private static List<Document> list(Document doc, String field) {
        return (List<Document>) doc.get(field);
    }

    private static Document action(Document plan, String actionId) {
        return list(plan, "actions").stream().filter(a -> actionId.equals(a.getString("actionId"))).findFirst()
                                    .orElseThrow(() -> new IllegalStateException(
                                            "Plan view has no action " + actionId + "; the ledger does"));
    }

    private static List<String> sortedNames(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).toList();
    }
}
