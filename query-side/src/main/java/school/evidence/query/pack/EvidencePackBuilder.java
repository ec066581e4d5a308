package school.evidence.query.pack;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanId;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.StoredEvent;
import school.evidence.ledger.merkle.Checkpoint;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.LeafEncoding;
import school.evidence.ledger.merkle.MerkleTree;
import school.evidence.ledger.merkle.SchoolLog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import school.evidence.query.monitoring.ConfidentialFindings;
import school.evidence.query.monitoring.MonitoringLookups;
import school.evidence.query.plan.ActionTimelines;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * Assembles an inspection evidence pack for a school and a date range (dates things happened), under either
 * Ofsted framework, from the read models, and binds it to the ledger: the latest signed checkpoint and, for every
 * event the pack draws on, the event as stored with its inclusion proof, so the pack can be verified offline.
 */
final class EvidencePackBuilder {

    private final MongoDatabase db;
    private final LedgerReader ledger;
    private final SchoolLog log;
    private final Checkpoints checkpoints;

    EvidencePackBuilder(MongoDatabase db, LedgerReader ledger) {
        this.db = db;
        this.ledger = ledger;
        this.log = new SchoolLog(db);
        this.checkpoints = new Checkpoints(db, Clock.systemUTC());
    }

    Document build(String urn, LocalDate from, LocalDate to, OfstedArea.Framework framework) {
        if (from.isAfter(to)) {
            throw Rejection.invalid("from", "from must not be after to");
        }
        Checkpoint checkpoint = checkpoints.latest(urn).orElseThrow(() -> Rejection.notFound("urn",
                "Nothing is recorded for school " + urn + " yet, so there is no evidence to put in a pack"));
        Set<String> aggregates = new HashSet<>();
        // the school's name as registered: the first event of the school's own aggregate (keyed by its URN)
        String name = ledger.event(urn, 0).map(registered -> Document.parse(registered.payload()).getString("name"))
                            .orElse(null);
        Document pack = new Document("school", urn).append("schoolName", name)
                                                   .append("from", from.toString()).append("to", to.toString())
                                                   .append("framework", framework.name())
                                                   .append("generatedAt", java.time.Instant.now().toString());
        List<Document> plans = new ArrayList<>();
        for (String year = AcademicYear.containing(from); year.compareTo(AcademicYear.containing(to)) <= 0;
             year = next(year)) {
            Document plan = db.getCollection("plan_views").find(eq("_id", PlanId.of(urn, year))).first();
            if (plan != null) {
                plans.add(planSection(plan, framework, from, to));
                aggregates.add(plan.getString("_id"));
            }
        }
        pack.append("plans", plans);
        pack.append("trustActions", PackTrustActions.of(db, ledger, urn, from, to, aggregates));

        List<Document> activities = db.getCollection("monitoring_activities")
                .find(Filters.and(eq(SCHOOL_URN, urn), eq("retracted", false),
                                  Filters.gte("current.occurredOn", from.toString()),
                                  Filters.lte("current.occurredOn", to.toString())))
                .sort(Sorts.ascending("current.occurredOn")).into(new ArrayList<>());
        activities.forEach(a -> aggregates.add(a.getString("activityId")));
        pack.append("monitoring", monitoringSection(activities, plans, framework));

        // a pack leaves the school: confidential notes stay out whoever asks for it
        pack.append("nextSteps", MonitoringLookups.agreedBetween(db, urn, from, to, ConfidentialFindings.NOBODY));

        List<Document> challenges = db.getCollection("challenges").find(Filters.and(eq(SCHOOL_URN, urn),
                Filters.gte("raisedOn", from.toString()), Filters.lte("raisedOn", to.toString())))
                                      .sort(Sorts.ascending("raisedOn")).into(new ArrayList<>());
        challenges.forEach(c -> {
            c.remove("_id");
            c.remove("seq");
            aggregates.add(c.getString("challengeId"));
        });
        pack.append("challengeLog", challenges);

        List<Document> evaluations = db.getCollection("self_evaluations").find(Filters.and(eq(SCHOOL_URN, urn),
                Filters.gte("evaluatedOn", from.toString()), Filters.lte("evaluatedOn", to.toString())))
                                       .sort(Sorts.ascending("evaluatedOn")).into(new ArrayList<>());
        evaluations.forEach(e -> {
            e.remove("_id");
            aggregates.add(e.getString("evaluationId"));
        });
        pack.append("selfEvaluations", evaluations);

        pack.append("ledger", ledgerSection(urn, checkpoint, aggregates));
        return pack;
    }

    private static String next(String year) {
        int start = Integer.parseInt(year.substring(0, 4)) + 1;
        return "%d-%02d".formatted(start, (start + 1) % 100);
    }

    private Document planSection(Document plan, OfstedArea.Framework framework, LocalDate from, LocalDate to) {
        Map<String, Document> timelines = new HashMap<>();
        db.getCollection("action_timelines").find(eq("planId", plan.getString("_id")))
          .forEach(t -> timelines.put(t.getString("actionId"), t));
        List<Document> actions = new ArrayList<>();
        for (Document action : plan.getList("actions", Document.class)) {
            Document timeline = timelines.get(action.getString("actionId"));
            List<Document> history = timeline == null ? List.of()
                    : ActionTimelines.entries(db, action.getString("actionId")).stream()
                    .filter(e -> e.getString("kind").equals("RAG_JUDGED")).map(e -> new Document("halfTerm", e.get("halfTerm"))
                            .append("status", e.get("status")).append("rationale", e.get("rationale"))
                            .append("judgedBy", e.get("judgedBy")).append("recordedAt", e.get("recordedAt"))
                            .append("evidence", e.get("evidence"))).toList();
            actions.add(new Document("actionId", action.get("actionId")).append("sectionId", action.get("sectionId"))
                    .append("number", action.get("number")).append("title", action.get("title"))
                    .append("withdrawn", action.get("withdrawn")).append("rag", action.get("rag"))
                    .append("timescale", action.get("timescale")).append("agreedAt", action.get("agreedAt"))
                    .append("ragHistory", history));
        }
        List<Document> sections = new ArrayList<>();
        for (Document section : plan.getList("sections", Document.class)) {
            List<OfstedArea> recorded = section.getList("ofstedAreas", String.class).stream().map(OfstedArea::valueOf).toList();
            sections.add(new Document("sectionId", section.get("sectionId")).append("title", section.get("title"))
                    .append("ofstedAreas", OfstedArea.under(recorded, framework).stream().map(Enum::name).toList()));
        }
        // subject leaders' plans follow the sections, their actions listed like a section's
        List<Document> subjectPlans = plan.get("subjectPlans") instanceof List<?> ? plan.getList("subjectPlans", Document.class)
                : List.of();
        subjectPlans.forEach(sp -> sections.add(new Document("sectionId", sp.get("subjectPlanId"))
                .append("title", sp.getString("title") + ", led by " + sp.getString("leader"))
                .append("ofstedAreas", List.of())));
        return new Document("planId", plan.get("_id")).append("academicYear", plan.get("academicYear"))
                .append("title", plan.get("title")).append("status", plan.get("status"))
                .append("priorities", plan.get("priorities")).append("sections", sections).append("actions", actions)
                .append("triadReviews", triadReviews(plan, from, to));
    }

    /** The school's reviews by its triad in the period, without its partners' names: the pack is the school's own. */
    private static List<Document> triadReviews(Document plan, LocalDate from, LocalDate to) {
        if (!(plan.get("triadReviews") instanceof List<?>)) {
            return List.of();
        }
        Map<String, String> numbers = new HashMap<>();
        plan.getList("actions", Document.class).forEach(a -> numbers.put(a.getString("actionId"), a.getString("number")));
        return plan.getList("triadReviews", Document.class).stream()
                   .filter(r -> !LocalDate.parse(r.getString("reviewedOn")).isBefore(from)
                           && !LocalDate.parse(r.getString("reviewedOn")).isAfter(to))
                   .map(r -> new Document("term", r.get("term")).append("reviewedOn", r.get("reviewedOn"))
                           .append("reviewers", r.get("reviewers")).append("focus", r.get("focus"))
                           .append("findings", r.get("findings"))
                           .append("actionNumbers", r.getList("actionIds", String.class).stream()
                                                     .map(numbers::get).filter(java.util.Objects::nonNull).toList()))
                   .toList();
    }

    private Document monitoringSection(List<Document> activities, List<Document> plans, OfstedArea.Framework framework) {
        Map<String, List<String>> areasOfAction = new HashMap<>();
        for (Document plan : plans) {
            Map<String, List<String>> areasOfSection = new HashMap<>();
            plan.getList("sections", Document.class).forEach(s -> areasOfSection.put(s.getString("sectionId"),
                                                                                     s.getList("ofstedAreas", String.class)));
            plan.getList("actions", Document.class).forEach(a -> areasOfAction.put(a.getString("actionId"),
                    areasOfSection.getOrDefault(a.getString("sectionId"), List.of())));
        }
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byArea = new TreeMap<>();
        Map<String, Integer> byGroup = new TreeMap<>();
        List<Document> findings = new ArrayList<>();
        for (Document activity : activities) {
            Document details = activity.get("current", Document.class);
            byType.merge(activity.getString("type"), 1, Integer::sum);
            Set<String> areas = new HashSet<>();
            details.getList("actionIds", String.class).forEach(a -> areas.addAll(areasOfAction.getOrDefault(a, List.of())));
            areas.forEach(a -> byArea.merge(a, 1, Integer::sum));
            Document focus = details.get("focus", Document.class);
            if (focus != null) {
                focus.getList("pupilGroups", String.class).forEach(g -> byGroup.merge(g, 1, Integer::sum));
            }
            Document finding = new Document("activityId", activity.get("activityId")).append("type", activity.get("type"))
                    .append("occurredOn", details.get("occurredOn")).append("lead", details.get("lead"))
                    .append("strengths", details.get("strengths"))
                    .append("areasForDevelopment", details.get("areasForDevelopment"))
                    .append("confidential", activity.get("confidential"));
            if (Boolean.TRUE.equals(activity.get("confidential"))) {
                // developmental notes about a named teacher stay out of a pack
                finding.put("strengths", List.of());
                finding.put("areasForDevelopment", List.of());
            }
            findings.add(finding);
        }
        return new Document("activities", activities.size()).append("byType", new Document(new LinkedHashMap<>(byType)))
                .append("byOfstedArea", new Document(new LinkedHashMap<>(byArea)))
                .append("byPupilGroup", new Document(new LinkedHashMap<>(byGroup))).append("keyFindings", findings)
                .append("framework", framework.name());
    }

    private Document ledgerSection(String urn, Checkpoint checkpoint, Set<String> aggregates) {
        MerkleTree tree = log.tree(urn, checkpoint.treeSize());
        List<SchoolLog.Leaf> leaves = log.leafList(urn, 0, checkpoint.treeSize());
        List<String> keys = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            String key = leaves.get(i).eventKey();
            if (aggregates.contains(LedgerReader.aggregateIdOf(key))) {
                keys.add(key);
                indexOf.put(key, i);
            }
        }
        Map<String, StoredEvent> stored = new HashMap<>();
        ledger.byKeys(keys).forEach(event -> stored.put(event.key(), event));
        List<Document> proofs = new ArrayList<>();
        for (String key : keys) {
            StoredEvent event = stored.get(key);
            if (event == null) {
                continue; // the verifier would name it; the pack only carries what exists
            }
            int index = indexOf.get(key);
            SchoolLog.Leaf leaf = leaves.get(index);
            proofs.add(new Document("eventKey", key).append("leafIndex", index)
                    .append("leafHash", event.leafHash()).append("stored", new Document(event.hashedFields()))
                    .append("receipt", leaf.receipt() == null ? null
                            : new Document("keyId", leaf.receiptKeyId()).append("signature", leaf.receipt()))
                    .append("auditPath", tree.inclusionProof(index, (int) checkpoint.treeSize()).stream()
                                             .map(HexFormat.of()::formatHex).toList()));
        }
        return new Document("checkpoint", new Document("school", checkpoint.school())
                .append("treeSize", checkpoint.treeSize()).append("rootHash", checkpoint.rootHash())
                .append("coveredGlobalIndex", checkpoint.coveredGlobalIndex()).append("issuedAt", checkpoint.issuedAt().toString())
                .append("keyId", checkpoint.keyId()).append("signature", checkpoint.signature())
                .append("receiptsFrom", checkpoint.receiptsFrom()))
                .append("events", proofs)
                .append("howToVerify", "Run PackVerifier (docs/proofs.md: verifying an evidence pack) with this file and the school's public key. It checks the "
                        + "checkpoint's Ed25519 signature, recomputes each event's leaf from the stored fields (format: "
                        + "version byte 1, then each of " + LeafEncoding.FIELDS + " as a 4-byte length and UTF-8 bytes; "
                        + "leaf = SHA-256(0x00 || that)), and checks each inclusion proof against the signed root "
                        + "(RFC 9162). Any change to a record, or a record that was never in the signed ledger, fails.");
    }
}
