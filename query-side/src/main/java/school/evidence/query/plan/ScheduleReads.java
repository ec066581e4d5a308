package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.query.ReadModels;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.query.monitoring.ConfidentialFindings;
import school.evidence.query.monitoring.MonitoringLookups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads a plan's monitoring schedule and its monitoring coverage of a term. */
@Component
public class ScheduleReads {

    enum Term { AUTUMN, SPRING, SUMMER }

    private final MongoDatabase database;

    public ScheduleReads(MongoDatabase database) {
        this.database = database;
    }

    /**
     * The plan's monitoring schedule by half-term, each item {@code PLANNED}, {@code DONE} (carried out by a
     * recorded, unretracted activity), {@code OVERDUE} (its half-term has ended by {@code on}, per the school's
     * calendar) or {@code CANCELLED}.
     */
    public ScheduleView schedule(String planId, LocalDate day) {
        Document plan = plan(planId);
        Optional<SchoolCalendar> calendar = SchoolCalendarProjection.find(database, plan.getString(SCHOOL_URN),
                                                                          plan.getString("academicYear"));
        List<Document> items = database.getCollection(MonitoringScheduleProjection.COLLECTION)
                                       .find(eq("planId", planId)).sort(Sorts.ascending("halfTerm", "_id"))
                                       .into(new ArrayList<>());
        items.sort(java.util.Comparator.comparing(d -> HalfTerm.valueOf(d.getString("halfTerm"))));
        Document counts = new Document("PLANNED", 0).append("DONE", 0).append("OVERDUE", 0).append("CANCELLED", 0);
        for (Document item : items) {
            item.remove("_id");
            boolean done = item.getList("fulfilledBy", Document.class).stream().anyMatch(f -> !f.getBoolean("retracted"));
            String status = item.getBoolean("cancelled") ? "CANCELLED" : done ? "DONE"
                    : calendar.map(c -> c.hasEnded(HalfTerm.valueOf(item.getString("halfTerm")), day)).orElse(false)
                    ? "OVERDUE" : "PLANNED";
            item.put("status", status);
            counts.put(status, counts.getInteger(status) + 1);
        }
        return ReadModels.as(new Document("planId", planId).append("on", day.toString())
                                                           .append("calendarSet", calendar.isPresent())
                                                           .append("counts", counts).append("items", items),
                             ScheduleView.class);
    }

    /**
     * Which live actions had no monitoring evidence (unretracted, by the date it happened) in a term
     * ({@code term=AUTUMN|SPRING|SUMMER}) or half-term ({@code halfTerm=AUTUMN_2}), from the school's calendar;
     * {@code asOf=<instant>} as the product knew it then.
     */
    ScheduleView.Coverage coverage(String planId, Term term, HalfTerm halfTerm, java.time.Instant asOf) {
        if ((term == null) == (halfTerm == null)) {
            throw Rejection.invalid("term", "Give either term or halfTerm");
        }
        Document live = plan(planId);
        List<Document> pastMonitoring = null;
        Document plan = live;
        if (asOf != null) {
            // as the product knew it then: the plan's actions and the monitoring recorded by that instant
            plan = new PlanHistory(database).asOf(planId, live.getLong("version"), asOf).orElseThrow(
                    () -> Rejection.notFound("asOf", "Plan " + planId + " was not yet recorded at " + asOf));
            pastMonitoring = MonitoringLookups.asOf(database, live.getString(SCHOOL_URN), asOf, ConfidentialFindings.NOBODY).stream()
                                              .filter(r -> !r.getBoolean("retracted")).toList();
        }
        SchoolCalendar calendar = SchoolCalendarProjection.find(database, live.getString(SCHOOL_URN),
                                                                live.getString("academicYear"))
                .orElseThrow(() -> Rejection.notFound("calendar", "Set the school's half-term dates for "
                        + live.getString("academicYear") + " first"));
        Set<HalfTerm> halves = halfTerm != null ? EnumSet.of(halfTerm) : switch (term) {
            case AUTUMN -> EnumSet.of(HalfTerm.AUTUMN_1, HalfTerm.AUTUMN_2);
            case SPRING -> EnumSet.of(HalfTerm.SPRING_1, HalfTerm.SPRING_2);
            case SUMMER -> EnumSet.of(HalfTerm.SUMMER_1, HalfTerm.SUMMER_2);
        };
        LocalDate from = halves.stream().map(h -> calendar.halfTerms().get(h).start()).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = halves.stream().map(h -> calendar.halfTerms().get(h).end()).max(LocalDate::compareTo).orElseThrow();
        List<Document> uncovered = new ArrayList<>();
        List<Document> covered = new ArrayList<>();
        final List<Document> past = pastMonitoring;
        for (Document action : PlanViewProjection.list(plan, "actions")) {
            if (action.getBoolean("withdrawn", false)) {
                continue;
            }
            String actionId = action.getString("actionId");
            long count = past == null
                    ? MonitoringLookups.evidenceCount(database, live.getString(SCHOOL_URN), actionId, from, to)
                    : past.stream().map(r -> r.get("current", Document.class))
                                    .filter(d -> d.getList("actionIds", String.class).contains(actionId))
                                    .map(d -> d.getString("occurredOn"))
                                    .filter(on -> on.compareTo(from.toString()) >= 0 && on.compareTo(to.toString()) <= 0)
                                    .count();
            Document row = new Document("actionId", action.getString("actionId")).append("number", action.getString("number"))
                                                                                 .append("title", action.getString("title"))
                                                                                 .append("activities", count);
            (count == 0 ? uncovered : covered).add(row);
        }
        Document result = new Document("planId", planId).append("from", from.toString()).append("to", to.toString())
                                                        .append("uncovered", uncovered).append("covered", covered);
        if (asOf != null) {
            result.append("asOf", asOf.toString());
        }
        return ReadModels.as(result, ScheduleView.Coverage.class);
    }

    private Document plan(String planId) {
        Document plan = database.getCollection(PlanViewProjection.COLLECTION).find(eq("_id", planId)).first();
        if (plan == null) {
            throw Rejection.notFound("planId", "No plan " + planId);
        }
        return plan;
    }

}
