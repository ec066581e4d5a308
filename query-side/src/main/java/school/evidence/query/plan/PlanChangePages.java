package school.evidence.query.plan;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.pages.Typed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forms that change the plan: an action's or a success criterion's, each starting from what it says now (or, when
 * refused, from what was typed), with a reason asked for, and beside it the form that withdraws it. They post to the
 * command side ({@code PlanForms}).
 */
@PageController
class PlanChangePages {

    private final PlanReads plans;

    PlanChangePages(PlanReads plans) {
        this.plans = plans;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @GetMapping("/plans/{planId}/actions/{actionId}/change")
    String action(@PathVariable String planId, @PathVariable String actionId, Model model) {
        PlanView plan = plans.plan(planId, null, null);
        PlanView.Action action = liveAction(plan, actionId);
        Map<String, List<String>> now = new LinkedHashMap<>();
        now.put("title", List.of(action.title()));
        now.put("priorities", action.priorities());
        now.put("ofstedActions", action.ofstedActions());
        now.put("leads", List.of(String.join("\n", action.leads())));
        now.put("governorLink", listOf(action.governorLink()));
        now.put("resources", listOf(action.resources()));
        now.put("cost", listOf(action.costPounds()));
        now.put("costBasis", List.of(action.costBasis() == null ? CostBasis.TOTAL.name() : action.costBasis()));
        now.put("fundingSource", listOf(action.fundingSource()));
        PlanView.Timescale t = action.timescale();
        dateParts(now, "startsOn", t == null ? null : t.startsOn());
        dateParts(now, "endsOn", t == null ? null : t.endsOn());
        now.put("ongoing", t != null && t.ongoing() ? List.of("yes") : List.of());
        now.put("monitoredBy", List.of(String.join("\n", action.monitoredBy())));
        now.put("evaluatedBy", List.of(String.join("\n", action.evaluatedBy())));
        fill(model, now);
        model.addAttribute("plan", plan);
        model.addAttribute("action", action);
        model.addAttribute("section", sectionOf(plan, action));
        model.addAttribute("priorities", plan.priorities().stream().filter(p -> !p.withdrawn()).toList());
        model.addAttribute("costBases", CostBasis.values());
        return "action-change";
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @GetMapping("/plans/{planId}/actions/{actionId}/criteria/{criterionId}/change")
    String criterion(@PathVariable String planId, @PathVariable String actionId, @PathVariable String criterionId,
                     Model model) {
        PlanView plan = plans.plan(planId, null, null);
        PlanView.Action action = liveAction(plan, actionId);
        PlanView.Criterion criterion = action.criteria().stream().filter(c -> c.criterionId().equals(criterionId))
                .findFirst().orElseThrow(() -> Rejection.notFound("criterionId", "The action has no such success "
                        + "criterion"));
        if (criterion.withdrawn()) {
            throw new AccessDeniedException("This success criterion is withdrawn; it can no longer change");
        }
        fill(model, Map.of("text", List.of(criterion.text()), "halfTerms", criterion.halfTerms()));
        model.addAttribute("plan", plan);
        model.addAttribute("action", action);
        model.addAttribute("criterion", criterion);
        model.addAttribute("section", sectionOf(plan, action));
        model.addAttribute("halfTerms", HalfTerm.values());
        return "criterion-change";
    }

    /** The change form as it stands now, unless it comes back refused (then as typed); the withdraw form likewise. */
    private static void fill(Model model, Map<String, List<String>> now) {
        Object refused = model.getAttribute("changeForm");
        model.addAttribute("changeTyped", refused == null ? new Typed(now) : Typed.of(refused));
        model.addAttribute("withdrawTyped", Typed.of(model.getAttribute("withdrawForm")));
        for (String form : List.of("changeErrors", "withdrawErrors")) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, Map.of());
            }
        }
    }

    /** A date as the GOV.UK date input's three boxes (day and month without leading zeros). */
    private static void dateParts(Map<String, List<String>> into, String name, String iso) {
        java.time.LocalDate day = iso == null ? null : java.time.LocalDate.parse(iso);
        into.put(name + "-day", day == null ? List.of() : List.of(String.valueOf(day.getDayOfMonth())));
        into.put(name + "-month", day == null ? List.of() : List.of(String.valueOf(day.getMonthValue())));
        into.put(name + "-year", day == null ? List.of() : List.of(String.valueOf(day.getYear())));
    }

    /** Action numbers restart in each section, so a page names the section too. */
    private static String sectionOf(PlanView plan, PlanView.Action action) {
        return plan.sections().stream().filter(s -> s.sectionId().equals(action.sectionId())).map(PlanView.Section::title)
                   .findFirst().orElse("");
    }

    private static PlanView.Action liveAction(PlanView plan, String actionId) {
        PlanView.Action action = plan.actions().stream().filter(a -> a.actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> Rejection.notFound("actionId", "The plan has no such action"));
        if (action.withdrawn()) {
            throw new AccessDeniedException("This action is withdrawn; it can no longer change");
        }
        return action;
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
