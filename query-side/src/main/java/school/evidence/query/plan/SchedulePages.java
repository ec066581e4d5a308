package school.evidence.query.plan;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.AsOf;
import school.evidence.platform.pages.PageController;
import school.evidence.query.school.SchoolNames;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The year's monitoring schedule by half-term (planned, done, overdue, cancelled) and which actions had monitoring
 * evidence in a half-term, now or as it stood at a moment chosen.
 */
@PageController
class SchedulePages {

    private final ScheduleReads schedules;
    private final PlanReads plans;
    private final SchoolNames names;

    SchedulePages(ScheduleReads schedules, PlanReads plans, SchoolNames names) {
        this.schedules = schedules;
        this.plans = plans;
        this.names = names;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/plans/{planId}/schedule")
    String schedule(@PathVariable String planId, @RequestParam(required = false) HalfTerm halfTerm,
                    @RequestParam(required = false) String asOf, Model model) {
        LocalDate today = LocalDate.now(PlanReads.SCHOOL_ZONE);
        Optional<Instant> at = AsOf.moment(asOf, model);
        PlanView plan = plans.plan(planId, null, null);
        ScheduleView schedule = schedules.schedule(planId, today);
        Optional<SchoolCalendar> calendar = plans.calendarOf(planId);
        HalfTerm shown = halfTerm != null ? halfTerm
                : calendar.map(c -> c.halfTermOf(today)).orElse(HalfTerm.AUTUMN_1);
        Map<HalfTerm, List<ScheduleView.Item>> byHalfTerm = new LinkedHashMap<>();
        for (HalfTerm h : HalfTerm.values()) {
            List<ScheduleView.Item> items = schedule.items().stream().filter(i -> i.halfTerm().equals(h.name())).toList();
            if (!items.isEmpty()) {
                byHalfTerm.put(h, items);
            }
        }
        model.addAttribute("plan", plan);
        model.addAttribute("schoolName", names.of(plan.schoolUrn()));
        model.addAttribute("schedule", schedule);
        model.addAttribute("byHalfTerm", byHalfTerm);
        model.addAttribute("actionNumbers", plan.actions().stream().collect(
                Collectors.toMap(PlanView.Action::actionId, PlanView.Action::number)));
        model.addAttribute("halfTerms", HalfTerm.values());
        model.addAttribute("shown", shown);
        model.addAttribute("keep", Map.of("halfTerm", shown.name()));
        model.addAttribute("coverage", calendar.isPresent()
                ? schedules.coverage(planId, null, shown, at.orElse(null)) : null);
        return "schedule";
    }
}
