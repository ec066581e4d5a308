package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.platform.access.Caller;
import school.evidence.query.monitoring.ConfidentialFindings;
import school.evidence.query.monitoring.MonitoringLookups;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * A half-term's review by school time: the plan with each action's and criterion's judgement <em>for</em> that
 * half-term, whenever it was written (a judgement written after the half-term ended is marked {@code recordedLate}),
 * the roll-up of those judgements, the monitoring that happened in the half-term, and each action's timeline entries
 * about it. So a plan entered after the fact has reviews. (The review as recorded at the half-term's end is the
 * {@code AS_RECORDED} view.)
 */
final class HalfTermReview {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private final MongoDatabase database;

    HalfTermReview(MongoDatabase database) {
        this.database = database;
    }

    Document of(Document plan, SchoolCalendar calendar, HalfTerm halfTerm, Caller reader) {
        SchoolCalendar.Term term = calendar.halfTerms().get(halfTerm);
        ConfidentialFindings view = ConfidentialFindings.forReader(database, reader);
        List<Document> monitoring = MonitoringLookups.asOf(database, plan.getString(SCHOOL_URN), Instant.now(), reader)
                .stream().filter(r -> within(r.get("current", Document.class).getString("occurredOn"), term)).toList();
        Set<String> activities = new HashSet<>();
        monitoring.forEach(r -> activities.add(r.getString("activityId")));
        List<Document> timelines = new ArrayList<>();
        for (Document action : PlanViewProjection.list(plan, "actions")) {
            String actionId = action.getString("actionId");
            List<Document> entries = ActionTimelines.entries(database, actionId).stream()
                    .filter(e -> about(e, halfTerm, term, activities)).map(view::entry).toList();
            Document judged = latest(entries, "RAG_JUDGED", null, term);
            action.put("ragForHalfTerm", judged);
            action.put("rag", judged == null ? null : judged.getString("status"));
            for (Document criterion : PlanViewProjection.list(action, "criteria")) {
                criterion.put("ragForHalfTerm", latest(entries, "CRITERION_RAG_JUDGED",
                                                       criterion.getString("criterionId"), term));
            }
            timelines.add(new Document("actionId", actionId).append("entries", entries));
        }
        plan.put("rollUp", PlanRollUp.of(plan)); // of the judgements for this half-term
        return new Document("planId", plan.getString("planId")).append("halfTerm", halfTerm.name())
                .append("view", "SCHOOL_TIME").append("from", term.start().toString()).append("to", term.end().toString())
                .append("ended", LocalDate.now(SCHOOL_ZONE).isAfter(term.end()))
                .append("plan", plan).append("timelines", timelines).append("monitoring", monitoring);
    }

    private static boolean within(String date, SchoolCalendar.Term term) {
        LocalDate day = LocalDate.parse(date);
        return !day.isBefore(term.start()) && !day.isAfter(term.end());
    }

    /** Judgements for the half-term, and monitoring that happened in it (its retraction too). */
    private static boolean about(Document entry, HalfTerm halfTerm, SchoolCalendar.Term term, Set<String> activities) {
        String kind = entry.getString("kind");
        if (kind.endsWith("RAG_JUDGED")) {
            return halfTerm.name().equals(entry.getString("halfTerm"));
        }
        return activities.contains(entry.getString("activityId"));
    }

    /** The latest judgement of that kind (for that criterion), with whether it was written after the half-term. */
    private static Document latest(List<Document> entries, String kind, String criterionId, SchoolCalendar.Term term) {
        Document found = null;
        for (Document entry : entries) {
            if (kind.equals(entry.getString("kind"))
                    && (criterionId == null || criterionId.equals(entry.getString("criterionId")))) {
                found = entry;
            }
        }
        if (found == null) {
            return null;
        }
        LocalDate recorded = Instant.parse(found.getString("recordedAt")).atZone(SCHOOL_ZONE).toLocalDate();
        return new Document("status", found.getString("status")).append("rationale", found.get("rationale"))
                .append("evidence", found.get("evidence")).append("judgedBy", found.get("judgedBy"))
                .append("recordedAt", found.getString("recordedAt")).append("recordedLate", recorded.isAfter(term.end()));
    }
}
