package school.evidence.query.monitoring;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Recorders;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.query.plan.PlanReads;
import school.evidence.query.plan.PlanView;
import school.evidence.query.school.SchoolNames;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recording monitoring, as pages: choose the kind, then a form with that kind's own fields, the plan's actions to
 * tick, and next steps with an owner and a due date. The form posts to the command side, which sends it back here
 * filled in, with each problem against its field, when it is refused. And the school's open next steps.
 */
@PageController
class MonitoringPages {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private final PlanReads plans;
    private final MonitoringReads monitoring;
    private final SchoolNames names;
    private final RecordFormModel form;

    MonitoringPages(PlanReads plans, MonitoringReads monitoring, SchoolNames names, RecordFormModel form) {
        this.plans = plans;
        this.monitoring = monitoring;
        this.names = names;
        this.form = form;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/monitoring/new")
    String chooseKind(@PathVariable String urn, Model model) {
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("kinds", Recorders.kindsFor(Caller.current()).stream().map(MonitoringPages::slug).toList());
        return "record-kind";
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/monitoring/new/{kind}")
    String form(@PathVariable String urn, @PathVariable String kind, Model model) {
        MonitoringType type = typeOf(kind);
        if (!Recorders.mayRecord(Caller.current(), type)) {
            throw new AccessDeniedException("Your role may not record a " + type);
        }
        String planId = plans.currentPlanOf(urn, LocalDate.now(SCHOOL_ZONE)).orElse(null);
        form.fill(model, urn, type, planId, null, Map.of());
        model.addAttribute("formAction", "/schools/" + urn + "/monitoring/" + kind);
        return "record";
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/next-steps")
    String nextSteps(@PathVariable String urn, @RequestParam(required = false) String owner, Model model) {
        String who = owner == null || owner.isBlank() ? null : owner.strip();
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("owner", who);
        model.addAttribute("today", today.toString());
        model.addAttribute("steps", monitoring.nextSteps(urn, "OPEN", who, today, Caller.current()));
        return "next-steps";
    }

    private static final int ROWS_PER_PAGE = 20;

    /** The school's monitoring, newest first, with the API's filters, twenty to a page. */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/monitoring")
    String list(@PathVariable String urn, @RequestParam(required = false) MonitoringType type,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                        iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                        iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actionId, @RequestParam(required = false) PupilGroup pupilGroup,
                @RequestParam(defaultValue = "false") boolean withRetracted,
                @RequestParam(defaultValue = "1") int page, Model model) {
        int shown = Math.max(1, page);
        Caller reader = Caller.current();
        String action = actionId == null || actionId.isBlank() ? null : actionId;
        MonitoringReads.Listed found = monitoring.list(
                urn, new MonitoringFilter(type, from, to, action, pupilGroup, withRetracted), null,
                new MonitoringPage.Slice(shown - 1, ROWS_PER_PAGE), reader);
        PlanView plan = plans.currentPlanOf(urn, LocalDate.now(SCHOOL_ZONE)).map(id -> plans.plan(id, null, null))
                             .orElse(null);
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("rows", found.rows());
        model.addAttribute("total", found.total());
        model.addAttribute("page", shown);
        model.addAttribute("pages", Math.max(1, (found.total() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE));
        model.addAttribute("types", MonitoringType.values());
        model.addAttribute("pupilGroups", PupilGroup.values());
        model.addAttribute("actions", plan == null ? List.of() : plan.actions());
        model.addAttribute("actionNumbers", plan == null ? Map.of() : plan.actions().stream().collect(
                java.util.stream.Collectors.toMap(PlanView.Action::actionId, PlanView.Action::number)));
        model.addAttribute("filter", new Filter(type, from, to, action, pupilGroup, withRetracted));
        return "monitoring";
    }

    /** The filters as chosen, for the form and the page links. */
    record Filter(MonitoringType type, LocalDate from, LocalDate to, String actionId, PupilGroup pupilGroup,
                  boolean withRetracted) {
    }

    /** {@code BOOK_SCRUTINY} ⇄ {@code book-scrutiny}: the kind as it reads in an address. */
    static String slug(MonitoringType type) {
        return type.name().toLowerCase(Locale.UK).replace('_', '-');
    }

    private static MonitoringType typeOf(String kind) {
        try {
            return MonitoringType.valueOf(kind.toUpperCase(Locale.UK).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Rejection.notFound("kind", "There is no kind of monitoring called " + kind);
        }
    }
}
