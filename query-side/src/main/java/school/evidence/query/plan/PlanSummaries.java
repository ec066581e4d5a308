package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** A plan in a few numbers, for views across schools. */
public final class PlanSummaries {
    private PlanSummaries() {
    }

    public record Summary(String status, Document rollUp, List<String> liveActionIds) {
    }

    /** A plan's live actions as the plan view holds them (title, leads, monitoredBy, evaluatedBy...). */
    public record LiveActions(String planId, String academicYear, List<Document> actions) {
    }

    /** Every plan of the school, each with its live actions, by the school's index. */
    public static List<LiveActions> liveActionsOf(MongoDatabase db, String urn) {
        List<LiveActions> plans = new java.util.ArrayList<>();
        for (Document plan : db.getCollection(PlanViewProjection.COLLECTION)
                               .find(eq(school.evidence.query.ReadModels.SCHOOL_URN, urn))) {
            plans.add(new LiveActions(plan.getString("planId"), plan.getString("academicYear"),
                                      PlanViewProjection.list(plan, "actions").stream()
                                                        .filter(a -> !a.getBoolean("withdrawn", false)).toList()));
        }
        return plans;
    }

    /** A school plan's priority that feeds a trust priority, and the live actions serving it. */
    public record LinkedPriority(String trustPriority, String planId, String academicYear, String code,
                                 String statement, List<Document> actions) {
    }

    /** The school's plans' live priorities that feed {@code trustPriority} of the trust plan, by the school's index. */
    public static List<LinkedPriority> linkedTo(MongoDatabase db, String urn, String trustPlanId) {
        return linkedTo(db, urn, trustPlanId, null);
    }

    /** As the school's plans stood at an instant ({@code asOf}), or now when null. */
    public static List<LinkedPriority> linkedTo(MongoDatabase db, String urn, String trustPlanId,
                                                java.time.Instant asOf) {
        List<LinkedPriority> linked = new java.util.ArrayList<>();
        for (Document live : db.getCollection(PlanViewProjection.COLLECTION)
                               .find(eq(school.evidence.query.ReadModels.SCHOOL_URN, urn))) {
            Document plan = asOf == null ? live
                    : new PlanHistory(db).asOf(live.getString("planId"), live.getLong("version"), asOf).orElse(null);
            if (plan == null) {
                continue; // not yet recorded then
            }
            for (Document priority : PlanViewProjection.list(plan, "priorities")) {
                Document link = priority.get("trustLink", Document.class);
                if (link == null || priority.getBoolean("withdrawn", false)
                        || !trustPlanId.equals(link.getString("trustPlanId"))) {
                    continue;
                }
                String code = priority.getString("code");
                linked.add(new LinkedPriority(link.getString("code"), plan.getString("planId"),
                        plan.getString("academicYear"), code,
                        priority.getString("statement"), PlanViewProjection.list(plan, "actions").stream()
                                .filter(a -> !a.getBoolean("withdrawn", false))
                                .filter(a -> a.getList("priorities", String.class).contains(code)).toList()));
            }
        }
        return linked;
    }

    public static Optional<Summary> of(MongoDatabase db, String planId) {
        return of(db, planId, null);
    }

    /** The plan as the product knew it at an instant ({@code asOf}), or now when null. */
    public static Optional<Summary> of(MongoDatabase db, String planId, java.time.Instant asOf) {
        Document live = db.getCollection(PlanViewProjection.COLLECTION).find(eq("_id", planId)).first();
        Document plan = live == null || asOf == null ? live
                : new PlanHistory(db).asOf(planId, live.getLong("version"), asOf).orElse(null);
        if (plan == null) {
            return Optional.empty();
        }
        List<String> liveActions = PlanViewProjection.list(plan, "actions").stream()
                                              .filter(a -> !a.getBoolean("withdrawn", false))
                                              .map(a -> a.getString("actionId")).toList();
        return Optional.of(new Summary(plan.getString("status"), PlanRollUp.of(plan), liveActions));
    }
}
