package school.evidence.query.monitoring;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.pages.Typed;
import school.evidence.query.plan.PlanReads;
import school.evidence.query.plan.PlanView;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.trustplan.TrustPlanReads;
import school.evidence.query.trustplan.TrustPlanView;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One monitoring record as a page: what it found, every version with why it changed, and, for leaders who may read
 * all of it, the amend and retract forms. Both post to the command side; a retracted record stays, marked.
 */
@PageController
class ActivityPages {

    private final MonitoringReads monitoring;
    private final PlanReads plans;
    private final SchoolNames names;
    private final RecordFormModel form;
    private final TrustPlanReads trustPlans;

    ActivityPages(MonitoringReads monitoring, PlanReads plans, SchoolNames names, RecordFormModel form,
                  TrustPlanReads trustPlans) {
        this.monitoring = monitoring;
        this.plans = plans;
        this.names = names;
        this.form = form;
        this.trustPlans = trustPlans;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.RECORD, variable = "activityId",
             record = "MonitoringActivity")
    @GetMapping("/monitoring/{activityId}")
    String activity(@PathVariable String activityId, Model model) {
        MonitoringRecord record = find(activityId);
        model.addAttribute("record", record);
        model.addAttribute("schoolName", names.of(record.schoolUrn()));
        model.addAttribute("actionNames", actionNames(record.planId()));
        model.addAttribute("trustActionNames", trustPlans.forSchool(record.schoolUrn()).actions().stream()
                .collect(Collectors.toMap(TrustPlanView.SchoolAction::actionId,
                                          a -> a.trustName() + ": " + a.number() + " " + a.title(), (a, b) -> a)));
        model.addAttribute("mayChange", mayChange(record));
        if (!model.containsAttribute("retractErrors")) {
            model.addAttribute("retractErrors", Map.of());
        }
        model.addAttribute("retractTyped", Typed.of(model.getAttribute("retractForm")));
        return "activity";
    }

    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS, scope = ScopeKind.RECORD, variable = "activityId",
             record = "MonitoringActivity")
    @GetMapping("/monitoring/{activityId}/amend")
    String amend(@PathVariable String activityId, Model model) {
        MonitoringRecord record = find(activityId);
        if (!mayChange(record)) {
            throw new AccessDeniedException(record.retracted() ? "A retracted record cannot be changed"
                    : "Only those who may read all of this record may change it");
        }
        MonitoringType type = MonitoringType.valueOf(record.type());
        form.fill(model, record.schoolUrn(), type, record.planId() != null ? record.planId()
                : plans.currentPlanOf(record.schoolUrn(), java.time.LocalDate.parse(record.current().occurredOn()))
                       .orElse(null), record, AmendValues.of(record.current(), type));
        model.addAttribute("amending", record);
        model.addAttribute("formAction", "/monitoring/" + activityId + "/amendment");
        return "record";
    }

    private MonitoringRecord find(String activityId) {
        return monitoring.one(activityId, Caller.current()).orElseThrow(
                () -> Rejection.notFound("activityId", "There is no monitoring record " + activityId));
    }

    /** Leaders may change a record they can read in full, while it stands. */
    private static boolean mayChange(MonitoringRecord record) {
        Caller caller = Caller.current();
        return !record.retracted() && record.current().restricted() == null
                && (caller.has(Role.SENIOR_LEADER) || caller.has(Role.SUBJECT_LEADER));
    }

    private Map<String, String> actionNames(String planId) {
        if (planId == null || !plans.exists(planId)) { // a record may cite only a trust's actions
            return Map.of();
        }
        return plans.plan(planId, null, null).actions().stream().collect(Collectors.toMap(
                PlanView.Action::actionId, a -> a.number() + " " + a.title()));
    }
}
