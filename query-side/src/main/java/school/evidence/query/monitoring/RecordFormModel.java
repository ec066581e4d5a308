package school.evidence.query.monitoring;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.platform.access.Caller;
import school.evidence.platform.pages.Typed;
import school.evidence.query.plan.PlanReads;
import school.evidence.query.plan.PlanView;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.trustplan.TrustPlanReads;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the record form needs, for a new record and for an amendment alike: the kind's own fields, the plan's actions
 * to tick, earlier next steps still open to follow up, rows for new next steps, and what was typed (or, amending,
 * what the record says now) with each problem against its field.
 */
@Component
class RecordFormModel {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    static final List<String> YEAR_GROUPS = List.of("Nursery", "Reception", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6");
    static final int NEXT_STEP_ROWS = 3;
    /** Earlier next steps offered to follow up: the ones due soonest, so the form stays a form. */
    static final int FOLLOW_UPS_SHOWN = 30;

    private final PlanReads plans;
    private final MonitoringReads monitoring;
    private final SchoolNames names;
    private final TrustPlanReads trustPlans;

    RecordFormModel(PlanReads plans, MonitoringReads monitoring, SchoolNames names, TrustPlanReads trustPlans) {
        this.plans = plans;
        this.monitoring = monitoring;
        this.names = names;
        this.trustPlans = trustPlans;
    }

    /**
     * @param planId   the plan whose actions are offered (the record's year's plan when amending)
     * @param amending the record being amended, or null for a new one
     * @param current  the form's values when nothing was typed yet (a new form is empty; an amendment shows the record)
     */
    void fill(Model model, String urn, MonitoringType type, String planId, MonitoringRecord amending,
              Map<String, List<String>> current) {
        Caller reader = Caller.current();
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        PlanView plan = planId == null ? null : plans.plan(planId, null, null);
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("type", type);
        model.addAttribute("kind", MonitoringPages.slug(type));
        model.addAttribute("own", type.ownFields());
        model.addAttribute("plan", plan);
        model.addAttribute("actions", plan == null ? List.of()
                : plan.actions().stream().filter(a -> !a.withdrawn()).toList());
        String year = plan != null ? plan.academicYear() : AcademicYear.containing(today);
        model.addAttribute("trustActions", trustPlans.forSchool(urn).actions().stream().filter(a -> a.covers(year))
                                                     .toList());
        model.addAttribute("yearGroups", YEAR_GROUPS);
        model.addAttribute("pupilGroups", PupilGroup.values());
        model.addAttribute("visitKinds", Specifics.VisitKind.values());
        model.addAttribute("reviewerKinds", Specifics.ReviewerKind.values());
        int ownSteps = amending == null ? 0 : amending.current().nextSteps().size();
        model.addAttribute("stepRows", IntStream.rangeClosed(1, Math.max(NEXT_STEP_ROWS, ownSteps + 1)).boxed().toList());
        model.addAttribute("followUps", followUps(urn, today, amending, reader));
        if (type == MonitoringType.DEEP_DIVE) {
            model.addAttribute("bundlable", monitoring.list(urn, new MonitoringFilter(null, null, null, null, null,
                                                                                    false), null, null, reader)
                                                      .rows().stream().filter(r -> amending == null
                            || !r.activityId().equals(amending.activityId())).toList());
        }
        Object flashed = model.getAttribute("recordForm"); // a refused form comes back as typed
        model.addAttribute("typed", flashed != null ? Typed.of(flashed) : new Typed(current));
        Object errors = model.getAttribute("recordErrors");
        model.addAttribute("errors", errors != null ? errors : Map.of());
    }

    /** Open next steps one may read, soonest due first; amending, also the ones this record checked, not its own. */
    private List<NextStepView> followUps(String urn, LocalDate today, MonitoringRecord amending, Caller reader) {
        Set<String> checked = amending == null ? Set.of() : Set.copyOf(amending.current().nextStepChecks().stream()
                .map(ActivityDetails.NextStepCheck::nextStepId).toList());
        String own = amending == null ? null : amending.activityId();
        return monitoring.nextSteps(urn, "ALL", null, today, reader).stream()
                         .filter(s -> s.restricted() == null && !s.activityId().equals(own))
                         .filter(s -> checked.contains(s.stepId()) || !"CHECKED".equals(s.status()))
                         .sorted(Comparator.comparing((NextStepView s) -> !checked.contains(s.stepId()))
                                           .thenComparing(NextStepView::dueOn))
                         .limit(FOLLOW_UPS_SHOWN).toList();
    }
}
