package school.evidence.query.trustplan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionAdded;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionRagJudged;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPlanCreated;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPriorityAdded;
import school.evidence.query.ReadModelIndexes;
import school.evidence.query.RecordedAt;
import school.evidence.query.VersionHistory;
import school.evidence.query.plan.TimescaleDocs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;

/**
 * Each trust plan as one document: its priorities, and its actions with who takes part and each school's latest
 * RAG judgement, with every version kept ({@code trust_plan_history}) for reads as it stood at an instant. Which
 * schools "all" means is read with the trust's members, not fixed here.
 */
@Component
@ProcessingGroup("trust-plans")
class TrustPlanProjection {

    static final String COLLECTION = "trust_plans";
    static final String HISTORY = "trust_plan_history";
    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> history;

    TrustPlanProjection(MongoDatabase database) {
        this.plans = database.getCollection(COLLECTION);
        this.history = database.getCollection(HISTORY);
        ReadModelIndexes.ensure(plans, "byTrust", Indexes.ascending("trustId", "fromYear"));
    }

    @EventHandler
    void on(TrustPlanCreated event, EventMessage<?> message) {
        if (plans.find(eq("_id", event.planId())).first() != null) {
            return; // a redelivery
        }
        Document plan = new Document("_id", event.planId()).append("planId", event.planId())
                .append("trustId", event.trustId()).append("title", event.title())
                .append("fromYear", event.fromYear()).append("toYear", event.toYear())
                .append("createdAt", RecordedAt.format(message.getTimestamp()))
                .append("priorities", new ArrayList<>()).append("actions", new ArrayList<>())
                .append("version", sequenceOf(message));
        remember(plan, message);
        plans.replaceOne(eq("_id", event.planId()), plan, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(TrustPriorityAdded event, EventMessage<?> message) {
        update(event.planId(), message, plan -> add(plan, "priorities", "code", event.code(),
                new Document("code", event.code()).append("statement", event.statement())));
    }

    @EventHandler
    void on(TrustActionAdded event, EventMessage<?> message) {
        ActionDetails d = event.details();
        update(event.planId(), message, plan -> add(plan, "actions", "actionId", event.actionId(),
                new Document("actionId", event.actionId()).append("number", event.number())
                        .append("title", d.title()).append("priorities", d.priorities()).append("leads", d.leads())
                        .append("resources", d.resources())
                        .append("costPounds", d.costPounds() == null ? null : d.costPounds().toPlainString())
                        .append("costBasis", d.costBasis() == null ? null : d.costBasis().name())
                        .append("fundingSource", d.fundingSource()).append("monitoredBy", d.monitoredBy())
                        .append("evaluatedBy", d.evaluatedBy()).append("timescale", TimescaleDocs.of(d.timescale()))
                        .append("allSchools", event.allSchools()).append("schools", event.schools())
                        .append("judgements", new ArrayList<>())));
    }

    @EventHandler
    void on(TrustActionRagJudged event, EventMessage<?> message) {
        update(event.planId(), message, plan -> {
            Document action = find(plan, "actions", "actionId", event.actionId());
            if (action == null) {
                return;
            }
            List<Document> judgements = action.getList("judgements", Document.class);
            judgements.removeIf(j -> event.schoolUrn().equals(j.getString("schoolUrn"))); // the latest stands
            judgements.add(new Document("schoolUrn", event.schoolUrn()).append("halfTerm", event.halfTerm().name())
                    .append("status", event.status().name()).append("rationale", event.rationale())
                    .append("evidence", event.evidence()).append("judgedBy", event.judgedBy())
                    .append("judgedAt", RecordedAt.format(message.getTimestamp())));
        });
    }

    @ResetHandler
    void reset() {
        plans.deleteMany(new Document());
        history.deleteMany(new Document());
    }

    /** Each event is a version of the plan (its sequence number), kept for reads as the product knew it then. */
    private void update(String planId, EventMessage<?> message, Consumer<Document> change) {
        long seq = sequenceOf(message);
        Document plan = plans.find(eq("_id", planId)).first();
        if (plan == null || plan.get("version") instanceof Number v && v.longValue() >= seq) {
            return; // already applied (a redelivery)
        }
        change.accept(plan);
        plan.put("version", seq);
        remember(plan, message);
        plans.replaceOne(eq("_id", planId), plan);
    }

    private void remember(Document plan, EventMessage<?> message) {
        new VersionHistory(history, "plan").remember(plan.getString("_id"), plan.getLong("version"),
                                                     RecordedAt.format(message.getTimestamp()), plan);
    }

    private static long sequenceOf(EventMessage<?> message) {
        return ((DomainEventMessage<?>) message).getSequenceNumber();
    }

    /** Adds the item unless one with that key is there (a redelivered event changes nothing). */
    private static void add(Document plan, String list, String key, String value, Document item) {
        if (find(plan, list, key, value) == null) {
            plan.getList(list, Document.class).add(item);
        }
    }

    private static Document find(Document plan, String list, String key, String value) {
        return plan.getList(list, Document.class).stream().filter(d -> value.equals(d.getString(key))).findFirst()
                   .orElse(null);
    }
}
