package school.evidence.query.home;

import school.evidence.platform.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import school.evidence.platform.access.Who;
import school.evidence.query.governance.GovernorHome;
import school.evidence.query.monitoring.MonitoringReads;
import school.evidence.query.monitoring.NextStepView;
import school.evidence.query.plan.PlanFlagsView;
import school.evidence.query.plan.PlanReads;
import school.evidence.query.plan.PlanView;
import school.evidence.query.plan.ScheduleReads;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.trustplan.TrustPlanReads;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A school's home page: this half-term at a glance. The plan's RAG by section and priority; this half-term's
 * criteria due, actions not yet judged and monitoring planned but not done; what needs a leader's attention (criteria
 * not judged for a half-term that has ended, actions without recent evidence); and next steps overdue, one's own
 * first.
 */
@PageController
class HomePage {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    private static final int STALE_AFTER_SCHOOL_WEEKS = 6;

    private final PlanReads plans;
    private final MonitoringReads monitoring;
    private final SchoolNames names;
    private final ScheduleReads schedules;
    private final GovernorHome governorHome;
    private final TrustPlanReads trustPlans;

    HomePage(PlanReads plans, MonitoringReads monitoring, SchoolNames names, ScheduleReads schedules,
             GovernorHome governorHome, TrustPlanReads trustPlans) {
        this.trustPlans = trustPlans;
        this.plans = plans;
        this.monitoring = monitoring;
        this.names = names;
        this.schedules = schedules;
        this.governorHome = governorHome;
    }

    /** Sends a school's people to their school's home; says what there is for those of no school. */
    @Allowed(value = Who.ANYONE_SIGNED_IN, scope = ScopeKind.SERVICE)
    @GetMapping("/")
    String home(Model model) {
        Optional<String> school = Caller.current().memberships().stream()
                .filter(m -> m.role() != Role.TRUST_OFFICER && m.role() != Role.OPERATOR)
                .map(Caller.Membership::place).filter(place -> !Caller.EVERY.equals(place)).sorted().findFirst();
        if (school.isPresent()) {
            return "redirect:/schools/" + school.get();
        }
        Optional<String> trust = Caller.current().memberships().stream().filter(m -> m.role() == Role.TRUST_OFFICER)
                .map(Caller.Membership::place).filter(place -> !Caller.EVERY.equals(place)).sorted().findFirst();
        if (trust.isPresent()) {
            return "redirect:/trusts/" + trust.get();
        }
        if (Caller.current().has(Role.OPERATOR)) {
            return "redirect:/operations";
        }
        return "no-school";
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}")
    String school(@PathVariable String urn, Model model) {
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        Caller reader = Caller.current();
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("today", today);
        model.addAttribute("currentYear", AcademicYear.containing(today));
        Optional<String> planId = plans.currentPlanOf(urn, today);
        PlanView plan = planId.map(id -> plans.plan(id, null, null)).orElse(null);
        model.addAttribute("plan", plan);
        model.addAttribute("priorityStatements", plan == null ? java.util.Map.of() : plan.priorities().stream()
                .collect(java.util.stream.Collectors.toMap(PlanView.Priority::code, PlanView.Priority::statement)));
        Optional<SchoolCalendar> calendar = planId.flatMap(plans::calendarOf);
        HalfTerm halfTerm = calendar.map(c -> c.halfTermOf(today)).orElse(null);
        model.addAttribute("halfTerm", halfTerm);
        model.addAttribute("now", ThisHalfTerm.of(halfTerm, plan,
                                                  planId.map(id -> schedules.schedule(id, today)).orElse(null)));
        model.addAttribute("calendarSet", calendar.isPresent());
        PlanFlagsView flags = planId.filter(id -> calendar.isPresent())
                                    .map(id -> flags(id, today, reader)).orElse(null);
        model.addAttribute("flags", flags);
        // one's own next steps first (owners are typed as names or roles), then the longest overdue
        List<NextStepView> overdue = monitoring.nextSteps(urn, "OVERDUE", null, today, reader).stream()
                .sorted(Comparator.comparing((NextStepView s) -> !isMine(s, reader))
                                  .thenComparing(NextStepView::dueOn)).toList();
        model.addAttribute("overdueSteps", overdue);
        model.addAttribute("trustActions", trustPlans.forSchool(urn).actions());
        if (reader.has(Role.GOVERNOR) && !reader.has(Role.SENIOR_LEADER) && !reader.has(Role.SUBJECT_LEADER)) {
            governorHome.fill(model, urn, plan, today); // a governor's home: their links and their challenge
            return "governor-home";
        }
        return "home";
    }

    private static boolean isMine(NextStepView step, Caller reader) {
        return step.owner() != null && (step.owner().equalsIgnoreCase(reader.name())
                || step.owner().equalsIgnoreCase(reader.userId()));
    }

    private PlanFlagsView flags(String planId, LocalDate today, Caller reader) {
        try {
            return plans.flags(planId, today, STALE_AFTER_SCHOOL_WEEKS, reader);
        } catch (Rejection notYet) {
            return null; // no calendar for the plan's year yet: the page says so instead
        }
    }
}
