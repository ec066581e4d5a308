package school.evidence.query.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.platform.access.Caller;
import school.evidence.query.ReadModels;
import school.evidence.query.RecordedAt;
import school.evidence.query.monitoring.ConfidentialFindings;
import school.evidence.query.monitoring.MonitoringLookups;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads a plan, its actions' timelines, its flags and its half-term reviews, as one reader may see them. */
@Component
public class PlanReads {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private final MongoDatabase database;
    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> timelines;

    PlanReads(MongoDatabase database) {
        this.database = database;
        this.plans = database.getCollection(PlanViewProjection.COLLECTION);
        this.timelines = database.getCollection(ActionTimelineProjection.COLLECTION);
    }

    /** The plan (as it stood at {@code asOf} when given), its sections' Ofsted links under {@code framework}. */
    public PlanView plan(String planId, OfstedArea.Framework framework, Instant asOf) {
        return ReadModels.as(planDocument(planId, framework, asOf), PlanView.class);
    }

    public ActionTimeline timeline(String planId, String actionId, Instant asOf, Caller reader) {
        return ReadModels.as(timelineDocument(planId, actionId, asOf, reader), ActionTimeline.class);
    }

    public PlanFlagsView flags(String planId, LocalDate day, int staleWeeks, Caller reader) {
        Document plan = load(planId);
        return new PlanFlags(database, plan, calendar(plan, " first (POST /api/schools/{urn}/calendars)"), day,
                             staleWeeks, reader).view();
    }

    /** The half-term as judged in school time, or everything as it stood at the end of the half-term. */
    HalfTermReviewView review(String planId, HalfTerm halfTerm, boolean asRecorded, Caller reader) {
        Document live = load(planId);
        SchoolCalendar calendar = calendar(live, " first");
        if (!asRecorded) {
            live.put("planId", planId);
            return ReadModels.as(new HalfTermReview(database).of(live, calendar, halfTerm, reader),
                                 HalfTermReviewView.class);
        }
        Instant end = calendar.halfTerms().get(halfTerm).end().plusDays(1).atStartOfDay(SCHOOL_ZONE).toInstant()
                              .minusMillis(1);
        if (end.isAfter(Instant.now())) {
            throw Rejection.invalid("halfTerm", halfTerm + " has not ended yet");
        }
        Document plan = planDocument(planId, null, end);
        List<Document> actionTimelines = new ArrayList<>();
        for (Document action : PlanViewProjection.list(plan, "actions")) {
            actionTimelines.add(timelineDocument(planId, action.getString("actionId"), end, reader));
        }
        return ReadModels.as(new Document("planId", planId).append("halfTerm", halfTerm.name())
                .append("view", "AS_RECORDED").append("asOf", end.toString())
                .append("plan", plan).append("timelines", actionTimelines)
                .append("monitoring", MonitoringLookups.asOf(database, live.getString(SCHOOL_URN), end, reader)),
                             HalfTermReviewView.class);
    }

    private Document planDocument(String planId, OfstedArea.Framework framework, Instant asOf) {
        Document plan = load(planId);
        if (asOf != null) {
            // what the product knew then, by recorded time
            plan = new PlanHistory(database).asOf(planId, plan.getLong("version"), asOf).orElseThrow(
                    () -> Rejection.notFound("asOf", "Plan " + planId + " was not yet recorded at " + asOf));
        }
        if (framework != null) {
            for (Document section : PlanViewProjection.list(plan, "sections")) {
                List<OfstedArea> recorded = section.getList("ofstedAreas", String.class).stream()
                                                   .map(OfstedArea::valueOf).toList();
                section.put("ofstedAreasAsRecorded", section.get("ofstedAreas"));
                section.put("ofstedAreas", OfstedArea.under(recorded, framework).stream().map(Enum::name).toList());
            }
            plan.put("framework", framework.name());
        }
        plan.put("rollUp", PlanRollUp.of(plan));
        SubjectPlanViews.addTo(plan);
        plan.put("costs", PlanCosts.of(plan));
        if (asOf != null) {
            plan.put("asOf", asOf.toString());
        }
        return plan;
    }

    private Document timelineDocument(String planId, String actionId, Instant asOf, Caller reader) {
        Document timeline = timelines.find(eq("_id", actionId)).first();
        if (timeline == null || !planId.equals(timeline.getString("planId"))) {
            throw Rejection.notFound("actionId", "Plan " + planId + " has no action " + actionId);
        }
        timeline.remove("_id");
        timeline.remove("entryIds");
        List<Document> entries = ActionTimelines.entries(database, actionId);
        if (asOf != null) {
            String at = RecordedAt.format(asOf);
            if (timeline.getString("openedAt") == null || timeline.getString("openedAt").compareTo(at) > 0) {
                throw Rejection.notFound("asOf", "Action " + actionId + " was not yet recorded at " + asOf);
            }
            entries = entries.stream().filter(e -> e.getString("recordedAt").compareTo(at) <= 0).toList();
            timeline.put("asOf", asOf.toString());
        }
        ConfidentialFindings view = ConfidentialFindings.forReader(database, reader);
        timeline.put("entries", entries.stream().map(view::entry).toList());
        return timeline;
    }

    /** The school's plan for the year {@code day} falls in, else its latest plan; empty when it has none. */
    public Optional<String> currentPlanOf(String urn, LocalDate day) {
        String year = AcademicYear.containing(day);
        Document found = plans.find(Filters.and(eq(SCHOOL_URN, urn), Filters.lte("academicYear", year)))
                              .sort(Sorts.descending("academicYear"))
                              .projection(Projections.include("_id")).first();
        return Optional.ofNullable(found).map(d -> d.getString("_id"));
    }

    public boolean exists(String planId) {
        return plans.countDocuments(eq("_id", planId)) > 0;
    }

    /** The school's calendar for the plan's year, if it has been set. */
    public Optional<SchoolCalendar> calendarOf(String planId) {
        Document plan = load(planId);
        return SchoolCalendarProjection.find(database, plan.getString(SCHOOL_URN), plan.getString("academicYear"));
    }

    private SchoolCalendar calendar(Document plan, String then) {
        return SchoolCalendarProjection.find(database, plan.getString(SCHOOL_URN), plan.getString("academicYear"))
                .orElseThrow(() -> Rejection.notFound("calendar", "Set the school's half-term dates for "
                        + plan.getString("academicYear") + then));
    }

    private Document load(String planId) {
        Document plan = plans.find(eq("_id", planId)).first();
        if (plan == null) {
            throw Rejection.notFound("planId", "No plan " + planId);
        }
        plan.remove("_id");
        return plan;
    }
}
