package school.evidence.query.governance;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.AsOf;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.pages.Typed;
import school.evidence.query.governance.ChallengeLog.Status;
import school.evidence.query.monitoring.MonitoringReads;
import school.evidence.query.plan.PlanReads;
import school.evidence.query.plan.PlanView;
import school.evidence.query.school.SchoolNames;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Governors' challenge, as pages: the log (filtered by priority, action, state and term; printable; as it stood on a
 * date), one challenge with its answers, follow-ups and what changed, and the forms to raise one and to record the
 * meeting it was raised at. The forms post to the command side ({@code GovernanceForms}).
 */
@PageController
class ChallengePages {

    private static final java.time.ZoneId SCHOOL_ZONE = java.time.ZoneId.of("Europe/London");
    static final List<String> TERMS = List.of("AUTUMN", "SPRING", "SUMMER");

    private final ChallengeLog log;
    private final PlanReads plans;
    private final MonitoringReads monitoring;
    private final SchoolNames names;

    ChallengePages(ChallengeLog log, PlanReads plans, MonitoringReads monitoring, SchoolNames names) {
        this.log = log;
        this.plans = plans;
        this.monitoring = monitoring;
        this.names = names;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/challenges")
    String challengeLog(@PathVariable String urn, @RequestParam(required = false) String priority,
                        @RequestParam(required = false) String action, @RequestParam(required = false) Status state,
                        @RequestParam(required = false) String term, @RequestParam(required = false) String asOf,
                        Model model) {
        Optional<Instant> at = AsOf.moment(asOf, model);
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        PlanView plan = currentPlan(urn, today);
        String chosenTerm = term != null && TERMS.contains(term) ? term : null;
        Optional<SchoolCalendar> calendar = plan == null ? Optional.empty() : plans.calendarOf(plan.planId());
        List<Challenge> found = log.challenges(urn, blankToNull(priority), blankToNull(action), state, at.orElse(null))
                .stream().filter(c -> chosenTerm == null || termOf(c.raisedOn(), calendar).equals(chosenTerm))
                .toList();
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("rows", ChallengeRow.of(found, ChallengeRow.actionNames(plan), today));
        model.addAttribute("plan", plan);
        model.addAttribute("states", Status.values());
        model.addAttribute("terms", TERMS);
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("priority", blankToNull(priority));
        chosen.put("action", blankToNull(action));
        chosen.put("state", state == null ? null : state.name());
        chosen.put("term", chosenTerm);
        model.addAttribute("chosen", chosen);
        model.addAttribute("filtered", chosen.values().stream().anyMatch(v -> v != null));
        model.addAttribute("keep", chosen);
        model.addAttribute("mayRaise", mayRaise(Caller.current()));
        return "challenges";
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.RECORD, variable = "challengeId", record = "Challenge")
    @GetMapping("/challenges/{challengeId}")
    String challenge(@PathVariable String challengeId, Model model) {
        Challenge c = log.one(challengeId).orElseThrow(
                () -> Rejection.notFound("challengeId", "There is no such challenge"));
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        PlanView plan = plans.plan(c.planId(), null, null);
        Caller reader = Caller.current();
        model.addAttribute("row", ChallengeRow.of(c, ChallengeRow.actionNames(plan), today));
        model.addAttribute("c", c);
        model.addAttribute("schoolName", names.of(c.schoolUrn()));
        model.addAttribute("priorityStatement", plan.priorities().stream()
                .filter(p -> p.code().equals(c.priorityCode())).map(PlanView.Priority::statement).findFirst()
                .orElse(null));
        boolean open = !"CLOSED".equals(c.status());
        model.addAttribute("mayAnswer", open && reader.has(Role.SENIOR_LEADER));
        model.addAttribute("mayFollowUp", open && !c.answers().isEmpty() && mayRaise(reader));
        for (String form : List.of("answer", "followUp", "close")) {
            model.addAttribute(form + "Typed", Typed.of(model.getAttribute(form + "Form")));
            if (!model.containsAttribute(form + "Errors")) {
                model.addAttribute(form + "Errors", Map.of());
            }
        }
        return "challenge";
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/challenges/new")
    String raiseForm(@PathVariable String urn, @RequestParam(required = false) String meeting, Model model) {
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        PlanView plan = currentPlan(urn, today);
        if (plan == null) {
            throw Rejection.notFound("planId", "The school has no plan for this year yet, so there is nothing to "
                    + "link a challenge to");
        }
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("plan", plan);
        model.addAttribute("meetings", log.meetings(urn).reversed());
        model.addAttribute("visits", monitoring.ofType(urn, MonitoringType.GOVERNOR_VISIT, Caller.current()));
        Map<String, List<String>> blank = new LinkedHashMap<>();
        blank.put("where", meeting == null ? List.of() : List.of("meeting:" + meeting));
        blank.put("raisedBy", List.of(Caller.current().name()));
        blank.put("raisedOn-day", List.of(String.valueOf(today.getDayOfMonth())));
        blank.put("raisedOn-month", List.of(String.valueOf(today.getMonthValue())));
        blank.put("raisedOn-year", List.of(String.valueOf(today.getYear())));
        Object refused = model.getAttribute("raiseForm");
        model.addAttribute("typed", refused == null ? new Typed(blank) : Typed.of(refused));
        if (!model.containsAttribute("raiseErrors")) {
            model.addAttribute("raiseErrors", Map.of());
        }
        model.addAttribute("errors", model.getAttribute("raiseErrors"));
        return "challenge-new";
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/meetings/new")
    String meetingForm(@PathVariable String urn, Model model) {
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("typed", Typed.of(model.getAttribute("meetingForm")));
        model.addAttribute("errors", model.containsAttribute("meetingErrors") ? model.getAttribute("meetingErrors")
                : Map.of());
        return "meeting-new";
    }

    /** Autumn, spring or summer: by the school's calendar where it has one, else by the month. */
    static String termOf(String day, Optional<SchoolCalendar> calendar) {
        LocalDate date = LocalDate.parse(day);
        HalfTerm half = calendar.map(c -> c.halfTermOf(date)).orElse(null);
        if (half != null) {
            return half.name().substring(0, half.name().indexOf('_'));
        }
        int month = date.getMonthValue();
        return month >= 9 ? "AUTUMN" : month <= 3 ? "SPRING" : "SUMMER";
    }

    private PlanView currentPlan(String urn, LocalDate today) {
        return plans.currentPlanOf(urn, today).map(id -> plans.plan(id, null, null)).orElse(null);
    }

    private static boolean mayRaise(Caller caller) {
        return caller.has(Role.SENIOR_LEADER) || caller.has(Role.GOVERNOR);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
