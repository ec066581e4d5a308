package school.evidence.query.trustplan;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.Rag;
import school.evidence.platform.access.SchoolScopes;
import school.evidence.query.ReadModels;
import school.evidence.query.VersionHistory;
import school.evidence.query.monitoring.MonitoringLookups;
import school.evidence.query.plan.PlanSummaries;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.trust.TrustDirectory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Reads trust plans: the whole plan for the trust's officers (every school's RAG, the roll-ups, the costs), and for
 * one school only the actions it takes part in with its own RAG.
 */
@Component
public class TrustPlanReads {

    private final MongoDatabase database;
    private final TrustDirectory trusts;
    private final Function<String, Set<String>> trustsOf;
    private final Function<String, String> schoolName;

    @Autowired
    TrustPlanReads(MongoDatabase database, TrustDirectory trusts, SchoolScopes scopes, SchoolNames names) {
        this(database, trusts, scopes::trustsOf, names::of);
    }

    TrustPlanReads(MongoDatabase database, TrustDirectory trusts, Function<String, Set<String>> trustsOf,
                   Function<String, String> schoolName) {
        this.database = database;
        this.trusts = trusts;
        this.trustsOf = trustsOf;
        this.schoolName = schoolName;
    }

    public List<TrustPlanView.Summary> plansOf(String trustId) {
        List<TrustPlanView.Summary> plans = new ArrayList<>();
        for (Document plan : database.getCollection(TrustPlanProjection.COLLECTION).find(eq("trustId", trustId))
                                     .sort(new Document("trustId", 1).append("fromYear", 1))) {
            TrustPlanView view = view(plan, null);
            List<Rag> rags = new ArrayList<>();
            view.actions().forEach(a -> a.schools().forEach(s -> rags.add(rag(s.rag()))));
            Rag rolled = Rag.rollUp(rags);
            plans.add(new TrustPlanView.Summary(view.planId(), view.title(), view.fromYear(), view.toYear(),
                                                view.actions().size(), rolled == null ? null : rolled.name()));
        }
        return plans;
    }

    public TrustPlanView plan(String trustId, String planId) {
        return plan(trustId, planId, null);
    }

    /**
     * The plan as the product knew it at {@code asOf} (by recorded time), or now when null: its priorities, actions
     * and each school's judgement then, the schools that had joined by then, and the schools' linked priorities as
     * their plans stood then. The monitoring counts are left out of a past view.
     */
    public TrustPlanView plan(String trustId, String planId, Instant asOf) {
        Document plan = database.getCollection(TrustPlanProjection.COLLECTION)
                                .find(and(eq("_id", planId), eq("trustId", trustId))).first();
        if (plan == null) {
            throw Rejection.notFound("planId", "Trust " + trustId + " has no plan " + planId);
        }
        if (asOf != null) {
            Number version = (Number) plan.get("version");
            plan = new VersionHistory(database.getCollection(TrustPlanProjection.HISTORY), "plan")
                    .asOf(planId, version == null ? -1 : version.longValue(), asOf).orElseThrow(
                            () -> Rejection.notFound("asOf", "Plan " + planId + " was not yet recorded at " + asOf));
        }
        return view(plan, asOf);
    }

    /** The actions of the school's trusts' plans it takes part in, each with only its own judgement. */
    public TrustPlanView.ForSchool forSchool(String urn) {
        List<TrustPlanView.SchoolAction> actions = new ArrayList<>();
        for (String trustId : trustsOf.apply(urn).stream().sorted().toList()) {
            for (Document plan : database.getCollection(TrustPlanProjection.COLLECTION).find(eq("trustId", trustId))
                                         .sort(new Document("trustId", 1).append("fromYear", 1))) {
                TrustPlanView view = view(plan, null);
                Map<String, String> statements = new LinkedHashMap<>();
                view.priorities().forEach(p -> statements.put(p.code(), p.statement()));
                for (TrustPlanView.Action action : view.actions()) {
                    action.schools().stream().filter(s -> s.urn().equals(urn)).findFirst().ifPresent(s -> actions.add(
                            new TrustPlanView.SchoolAction(view.planId(), view.title(), trustId, view.trustName(),
                                    view.fromYear(), view.toYear(), action.actionId(), action.number(), action.title(),
                                    action.priorities().stream().map(c -> new TrustPlanView.PriorityRef(
                                            c, statements.get(c))).toList(),
                                    action.leads(), action.timescale(), s.rag(), s.judgement(), s.monitoring())));
                }
            }
        }
        return new TrustPlanView.ForSchool(urn, actions);
    }

    private TrustPlanView view(Document plan, Instant asOf) {
        String trustId = plan.getString("trustId");
        List<String> members = asOf == null ? trusts.schoolsOf(trustId) : trusts.schoolsOf(trustId, asOf);
        List<Document> actions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        List<String> actionIds = plan.getList("actions", Document.class).stream().map(a -> a.getString("actionId"))
                                     .toList();
        Map<String, Map<String, Integer>> cited = new HashMap<>(); // school → action → its monitoring citing it
        for (Document action : plan.getList("actions", Document.class)) {
            List<String> taking = action.getBoolean("allSchools", false) ? members
                    : action.getList("schools", String.class);
            List<Document> schools = new ArrayList<>();
            List<Rag> rags = new ArrayList<>();
            for (String urn : taking) {
                Document judged = action.getList("judgements", Document.class).stream()
                                        .filter(j -> urn.equals(j.getString("schoolUrn"))).findFirst().orElse(null);
                String status = judged == null ? null : judged.getString("status");
                rags.add(rag(status));
                Document judgement = judged == null ? null : new Document(judged);
                if (judgement != null) {
                    judgement.remove("schoolUrn");
                }
                Integer monitoring = asOf != null ? null : cited.computeIfAbsent(urn, u -> MonitoringLookups
                        .citedCounts(database, u, actionIds)).getOrDefault(action.getString("actionId"), 0);
                schools.add(new Document("urn", urn).append("name", schoolName.apply(urn)).append("rag", status)
                                                     .append("judgement", judgement).append("monitoring", monitoring));
            }
            BigDecimal whole = wholeCost(action, taking.size());
            total = whole == null ? total : total.add(whole);
            Rag rolled = Rag.rollUp(rags);
            Document view = new Document(action).append("schools", schools)
                    .append("wholeCostPounds", whole == null ? null : whole.toPlainString())
                    .append("rag", rolled == null ? null : rolled.name())
                    .append("distribution", new Document(new LinkedHashMap<>(Rag.distribution(rags))));
            view.remove("judgements");
            actions.add(view);
        }
        Map<String, Map<String, List<PlanSummaries.LinkedPriority>>> feeding = feeding(plan.getString("planId"), members,
                                                                                        asOf);
        List<Document> priorities = new ArrayList<>();
        for (Document priority : plan.getList("priorities", Document.class)) {
            String code = priority.getString("code");
            List<Document> linked = actions.stream().filter(a -> a.getList("priorities", String.class).contains(code))
                                           .toList();
            List<Rag> rags = new ArrayList<>();
            linked.forEach(a -> a.getList("schools", Document.class).forEach(s -> rags.add(rag(s.getString("rag")))));
            Rag rolled = Rag.rollUp(rags);
            priorities.add(new Document(priority).append("rag", rolled == null ? null : rolled.name())
                    .append("distribution", new Document(new LinkedHashMap<>(Rag.distribution(rags))))
                    .append("actionNumbers", linked.stream().map(a -> a.getString("number")).toList())
                    .append("schools", linkedSchools(feeding.get(code), members)));
        }
        Document view = new Document("planId", plan.get("planId")).append("trustId", trustId)
                .append("trustName", trusts.nameOf(trustId)).append("title", plan.get("title"))
                .append("fromYear", plan.get("fromYear")).append("toYear", plan.get("toYear"))
                .append("priorities", priorities).append("actions", actions)
                .append("totalCostPounds", total.toPlainString())
                .append("asOf", asOf == null ? null : asOf.toString());
        return ReadModels.as(view, TrustPlanView.class);
    }

    /** Trust priority → member school → its plans' priorities feeding it: each school's plans read once per view. */
    private Map<String, Map<String, List<PlanSummaries.LinkedPriority>>> feeding(String trustPlanId,
                                                                                List<String> members, Instant asOf) {
        Map<String, Map<String, List<PlanSummaries.LinkedPriority>>> feeding = new java.util.HashMap<>();
        for (String urn : members) {
            for (PlanSummaries.LinkedPriority p : PlanSummaries.linkedTo(database, urn, trustPlanId, asOf)) {
                feeding.computeIfAbsent(p.trustPriority(), c -> new LinkedHashMap<>())
                       .computeIfAbsent(urn, u -> new ArrayList<>()).add(p);
            }
        }
        return feeding;
    }

    /** Each member school's plan priorities that feed a trust priority, with the actions under them. */
    private List<Document> linkedSchools(Map<String, List<PlanSummaries.LinkedPriority>> byUrn, List<String> members) {
        List<Document> schools = new ArrayList<>();
        for (String urn : members) {
            for (PlanSummaries.LinkedPriority p : byUrn == null ? List.<PlanSummaries.LinkedPriority>of()
                    : byUrn.getOrDefault(urn, List.of())) {
                List<Rag> rags = new ArrayList<>();
                List<Document> actions = p.actions().stream().map(a -> {
                    rags.add(rag(a.getString("rag")));
                    return new Document("actionId", a.get("actionId")).append("number", a.get("number"))
                            .append("title", a.get("title")).append("rag", a.get("rag"));
                }).toList();
                Rag rolled = Rag.rollUp(rags);
                schools.add(new Document("urn", urn).append("name", schoolName.apply(urn)).append("planId", p.planId())
                        .append("academicYear", p.academicYear()).append("code", p.code())
                        .append("statement", p.statement()).append("rag", rolled == null ? null : rolled.name())
                        .append("actions", actions));
            }
        }
        return schools;
    }

    /** Per school times the schools taking part; a year times the years its timescale spans (1 without an end). */
    private static BigDecimal wholeCost(Document action, int schools) {
        Document t = action.get("timescale", Document.class);
        String pounds = action.getString("costPounds");
        String basis = action.getString("costBasis");
        return CostBasis.wholeCost(pounds == null ? null : new BigDecimal(pounds),
                                   basis == null ? null : CostBasis.valueOf(basis), date(t, "startsOn"),
                                   date(t, "endsOn"), schools);
    }

    private static LocalDate date(Document timescale, String field) {
        return timescale == null || timescale.getString(field) == null ? null : LocalDate.parse(timescale.getString(field));
    }

    private static Rag rag(String status) {
        return status == null ? null : Rag.valueOf(status);
    }
}
