package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.platform.access.Caller;
import school.evidence.query.ReadModels;
import school.evidence.query.monitoring.MonitoringLookups;
import school.evidence.query.monitoring.NextStepView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** The attention list for one plan on one day; the calendar rules live in the kernel's {@link SchoolCalendar}. */
final class PlanFlags {

    private final MongoDatabase database;
    private final Document plan;
    private final SchoolCalendar calendar;
    private final LocalDate on;
    private final int staleAfterWeeks;
    private final Caller reader;

    PlanFlags(MongoDatabase database, Document plan, SchoolCalendar calendar, LocalDate on, int staleAfterWeeks,
              Caller reader) {
        this.reader = reader;
        this.database = database;
        this.plan = plan;
        this.calendar = calendar;
        this.on = on;
        this.staleAfterWeeks = staleAfterWeeks;
    }

    PlanFlagsView view() {
        List<PlanFlagsView.UnjudgedCriterion> unjudged = new ArrayList<>();
        List<PlanFlagsView.StaleAction> stale = new ArrayList<>();
        String urn = plan.getString(SCHOOL_URN);
        for (Document action : PlanViewProjection.list(plan, "actions")) {
            if (action.getBoolean("withdrawn", false)) {
                continue;
            }
            for (Document criterion : PlanViewProjection.list(action, "criteria")) {
                if (criterion.getBoolean("withdrawn", false)) {
                    continue;
                }
                Document judged = criterion.get("ragByHalfTerm", Document.class);
                for (String h : criterion.getList("halfTerms", String.class)) {
                    HalfTerm halfTerm = HalfTerm.valueOf(h);
                    if (calendar.hasEnded(halfTerm, on) && (judged == null || !judged.containsKey(h))) {
                        unjudged.add(new PlanFlagsView.UnjudgedCriterion(
                                action.getString("actionId"), action.getString("number"),
                                criterion.getString("criterionId"), criterion.getString("text"), h,
                                calendar.halfTerms().get(halfTerm).end().toString()));
                    }
                }
            }
            Optional<LocalDate> last = MonitoringLookups.lastEvidenceOn(database, urn, action.getString("actionId"), on);
            LocalDate since = last.orElse(latest(calendar.firstDay(), startsOn(action)));
            if (since.isAfter(on)) {
                continue; // the year, or the action, has not started yet
            }
            double weeks = calendar.schoolWeeksBetween(since, on);
            if (weeks > staleAfterWeeks) {
                stale.add(new PlanFlagsView.StaleAction(action.getString("actionId"), action.getString("number"),
                                                        action.getString("title"),
                                                        last.map(LocalDate::toString).orElse(null), weeks));
            }
        }
        return new PlanFlagsView(plan.getString("planId"), on.toString(), staleAfterWeeks, unjudged, stale,
                                 ReadModels.list(MonitoringLookups.overdueNextSteps(database, urn, on, reader),
                                                 NextStepView.class), milestonesDue());
    }

    /** The milestones of live actions due in the half-term of the day, or of the next half-term in a holiday. */
    private List<PlanFlagsView.MilestoneDue> milestonesDue() {
        HalfTerm halfTerm = calendar.halfTermOf(on);
        for (HalfTerm h : HalfTerm.values()) {
            SchoolCalendar.Term term = calendar.halfTerms().get(h);
            if (halfTerm == null && term != null && term.start().isAfter(on)) {
                halfTerm = h;
            }
        }
        if (halfTerm == null) {
            return List.of(); // the year's last half-term is over
        }
        SchoolCalendar.Term term = calendar.halfTerms().get(halfTerm);
        List<PlanFlagsView.MilestoneDue> due = new ArrayList<>();
        for (Document action : PlanViewProjection.list(plan, "actions")) {
            Document timescale = action.get("timescale", Document.class);
            if (action.getBoolean("withdrawn", false) || timescale == null) {
                continue;
            }
            for (Document m : PlanViewProjection.list(timescale, "milestones")) {
                LocalDate dueOn = LocalDate.parse(m.getString("dueOn"));
                if (!dueOn.isBefore(term.start()) && !dueOn.isAfter(term.end())) {
                    due.add(new PlanFlagsView.MilestoneDue(action.getString("actionId"), action.getString("number"),
                                                           action.getString("title"), m.getString("title"),
                                                           dueOn.toString(), halfTerm.name()));
                }
            }
        }
        due.sort(java.util.Comparator.comparing(PlanFlagsView.MilestoneDue::dueOn));
        return due;
    }
    /** When the action's timescale says it starts, if it does: nothing is stale before an action has begun. */
    private static LocalDate startsOn(Document action) {
        Document timescale = action.get("timescale", Document.class);
        String starts = timescale == null ? null : timescale.getString("startsOn");
        return starts == null ? null : LocalDate.parse(starts);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
