package school.evidence.query.plan;

import school.evidence.platform.access.Caller;
import school.evidence.query.monitoring.ConfidentialFindings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.SchoolCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

@RestController
@Tag(name = "Improvement plans")
class PlanQueryController {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private final MongoDatabase database;
    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> timelines;
    private final int defaultStaleWeeks;

    @Autowired
    PlanQueryController(MongoDatabase database,
                        @Value("${evidence.plan.stale-after-school-weeks:6}") int defaultStaleWeeks) {
        this.database = database;
        this.plans = database.getCollection(PlanViewProjection.COLLECTION);
        this.timelines = database.getCollection(ActionTimelineProjection.COLLECTION);
        this.defaultStaleWeeks = defaultStaleWeeks;
    }

    PlanQueryController(MongoDatabase database) {
        this(database, 6);
    }

    /**
     * The plan with each action's and criterion's current RAG, roll-ups per section and priority, and the RAG
     * distribution. {@code framework=EIF_2019|RENEWED_2025} shows every section's Ofsted links under that framework
     * (the links as recorded stay in {@code ofstedAreasAsRecorded}). The ETag is the plan's version, for If-Match.
     * {@code asOf=<instant>} returns the plan as the product knew it then (by recorded time).
     */
    @GetMapping("/api/plans/{planId}")
    ResponseEntity<Document> plan(@PathVariable String planId,
                                  @RequestParam(required = false) OfstedArea.Framework framework,
                                  @RequestParam(required = false) Instant asOf) {
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
        if (asOf != null) {
            plan.put("asOf", asOf.toString());
            return ResponseEntity.ok().body(plan); // a past version is not something to If-Match against
        }
        return ResponseEntity.ok().eTag("\"" + plan.getLong("version") + "\"").body(plan);
    }

    ResponseEntity<Document> plan(String planId) {
        return plan(planId, null, null);
    }

    ResponseEntity<Document> plan(String planId, OfstedArea.Framework framework) {
        return plan(planId, framework, null);
    }

    /**
     * Monitoring evidence and RAG judgements for one action, in the order they were recorded. Entries are never
     * rewritten, so {@code asOf=<instant>} is the entries recorded by then.
     */
    @GetMapping("/api/plans/{planId}/actions/{actionId}/timeline")
    Document timeline(@PathVariable String planId, @PathVariable String actionId,
                      @RequestParam(required = false) Instant asOf) {
        Document timeline = timelines.find(eq("_id", actionId)).first();
        if (timeline == null || !planId.equals(timeline.getString("planId"))) {
            throw Rejection.notFound("actionId", "Plan " + planId + " has no action " + actionId);
        }
        timeline.remove("_id");
        timeline.remove("entryIds");
        timeline.put("entries", ActionTimelines.entries(database, actionId));
        if (asOf != null) {
            String at = school.evidence.query.RecordedAt.format(asOf);
            if (timeline.getString("openedAt") == null || timeline.getString("openedAt").compareTo(at) > 0) {
                throw Rejection.notFound("asOf", "Action " + actionId + " was not yet recorded at " + asOf);
            }
            timeline.put("entries", timeline.getList("entries", Document.class).stream()
                                            .filter(e -> e.getString("recordedAt").compareTo(at) <= 0).toList());
            timeline.put("asOf", asOf.toString());
        }
        ConfidentialFindings view = ConfidentialFindings.forReader(database, Caller.current());
        timeline.put("entries", timeline.getList("entries", Document.class).stream().map(view::entry).toList());
        return timeline;
    }

    Document timeline(String planId, String actionId) {
        return timeline(planId, actionId, null);
    }

    /**
     * What needs a leader's attention on a date, from the school's calendar: success criteria whose half-term has
     * ended without a RAG for it, and actions without monitoring evidence for more than {@code staleAfterSchoolWeeks}
     * school weeks (holidays do not count).
     */
    @GetMapping("/api/plans/{planId}/flags")
    Document flags(@PathVariable String planId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   @RequestParam(required = false) @Min(1) @Max(52) Integer staleAfterSchoolWeeks) {
        Document plan = load(planId);
        LocalDate day = on == null ? LocalDate.now(SCHOOL_ZONE) : on;
        SchoolCalendar calendar = SchoolCalendarProjection.find(database, plan.getString("schoolUrn"),
                                                                plan.getString("academicYear"))
                .orElseThrow(() -> Rejection.notFound("calendar", "Set the school's half-term dates for "
                        + plan.getString("academicYear") + " first (POST /api/schools/{urn}/calendars)"));
        int weeks = staleAfterSchoolWeeks == null ? defaultStaleWeeks : staleAfterSchoolWeeks;
        return new PlanFlags(database, plan, calendar, day, weeks, Caller.current()).toDocument();
    }

    enum ReviewView { SCHOOL_TIME, AS_RECORDED }

    /**
     * The half-term review, by the school's calendar. {@code view=SCHOOL_TIME} (default): the plan as judged for that
     * half-term, judgements written up later included and marked {@code recordedLate}, and the monitoring that
     * happened in it ({@link HalfTermReview}). {@code view=AS_RECORDED}: the plan, each action's timeline and the
     * school's monitoring as they stood at the end of the half-term (its last day, 23:59:59 school time).
     */
    @GetMapping("/api/plans/{planId}/reviews/{halfTerm}")
    Document review(@PathVariable String planId, @PathVariable school.evidence.kernel.plan.HalfTerm halfTerm,
                    @RequestParam(defaultValue = "SCHOOL_TIME") ReviewView view) {
        Document live = load(planId);
        SchoolCalendar calendar = SchoolCalendarProjection.find(database, live.getString("schoolUrn"),
                                                                live.getString("academicYear"))
                .orElseThrow(() -> Rejection.notFound("calendar", "Set the school's half-term dates for "
                        + live.getString("academicYear") + " first"));
        if (view == ReviewView.SCHOOL_TIME) {
            live.put("planId", planId);
            return new HalfTermReview(database).of(live, calendar, halfTerm, Caller.current());
        }
        Instant end = calendar.halfTerms().get(halfTerm).end().plusDays(1).atStartOfDay(SCHOOL_ZONE).toInstant()
                              .minusMillis(1);
        if (end.isAfter(Instant.now())) {
            throw Rejection.invalid("halfTerm", halfTerm + " has not ended yet");
        }
        Document plan = plan(planId, null, end).getBody();
        List<Document> timelines = new java.util.ArrayList<>();
        for (Document action : PlanViewProjection.list(plan, "actions")) {
            timelines.add(timeline(planId, action.getString("actionId"), end));
        }
        return new Document("planId", planId).append("halfTerm", halfTerm.name()).append("view", view.name())
                .append("asOf", end.toString())
                .append("plan", plan).append("timelines", timelines)
                .append("monitoring", school.evidence.query.monitoring.MonitoringLookups.asOf(
                        database, live.getString("schoolUrn"), end, Caller.current()));
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
