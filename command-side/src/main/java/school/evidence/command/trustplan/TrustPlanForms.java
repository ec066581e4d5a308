package school.evidence.command.trustplan;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.command.plan.PlanForm;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.trustplan.TrustPlanCommands;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustAction;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustPriority;
import school.evidence.kernel.trustplan.TrustPlanCommands.CreateTrustPlan;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A trust's (or local authority's) officer plans from its pages: starts a plan over one year or several, adds its
 * priorities, and adds actions with the schools taking part. A refused form comes back as typed, each problem against
 * its field.
 */
@PageController
class TrustPlanForms {

    /** Fields of the trust's own forms; the action's other fields are the school action form's ({@link PlanForm}). */
    private static final Set<String> OWN_FIELDS = Set.of("title", "fromYear", "toYear", "code", "statement", "number",
                                                         "priorities", "takingPart");

    private final CommandSender commands;

    TrustPlanForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/trusts/{trustId}/plans")
    String startPlan(@PathVariable String trustId, @RequestParam MultiValueMap<String, String> form,
                     RedirectAttributes redirect) {
        PlanForm typed = new PlanForm(form);
        String title = typed.required("title", "Enter the plan's title, for example Trust improvement plan");
        String from = year(typed, "fromYear", "Enter the year it starts, for example 2026-27");
        String to = typed.text("toYear") == null ? from : year(typed, "toYear", null);
        String planId = TrustPlanCommands.planId(trustId, from);
        String plans = "/trusts/" + trustId + "/plans";
        return Forms.submit(redirect, typed, "plan",
                            () -> commands.send(new CreateTrustPlan(planId, trustId, title, from, to)),
                            field -> OWN_FIELDS.contains(field) ? field : "fromYear", "Plan started",
                            plans + "/" + planId, plans + "#form");
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/trusts/{trustId}/plans/{planId}/priorities")
    String addPriority(@PathVariable String trustId, @PathVariable String planId,
                       @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        PlanForm typed = new PlanForm(form);
        String typedCode = typed.required("code", "Enter the priority's code, for example T1");
        String code = typedCode == null ? null : typedCode.toUpperCase(java.util.Locale.UK);
        String statement = typed.required("statement", "Enter what the priority is");
        String page = "/trusts/" + trustId + "/plans/" + planId;
        return Forms.submit(redirect, typed, "priority",
                            () -> commands.send(new AddTrustPriority(planId, trustId, code, statement)),
                            field -> "statement".equals(field) ? field : "code", "Priority " + code + " added",
                            page, page + "#priority-form");
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/trusts/{trustId}/plans/{planId}/actions")
    String addAction(@PathVariable String trustId, @PathVariable String planId,
                     @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        PlanForm typed = new PlanForm(form);
        String number = typed.required("number", "Enter the action's number, for example 1 or 2.3");
        ActionDetails details = typed.actionDetails();
        List<String> takingPart = form.getOrDefault("takingPart", List.of());
        String page = "/trusts/" + trustId + "/plans/" + planId;
        return Forms.submit(redirect, typed, "action",
                            () -> commands.send(new AddTrustAction(planId, trustId, UUID.randomUUID().toString(),
                                                                   number, details, takingPart)),
                            field -> OWN_FIELDS.contains(field) ? field : typed.fieldOf(field).equals("reason")
                                    ? "title" : typed.fieldOf(field),
                            "Action " + number + " added", page, page + "#action-form");
    }

    private static String year(PlanForm typed, String field, String missing) {
        String year = missing == null ? typed.text(field) : typed.required(field, missing);
        if (year != null && !AcademicYear.isValid(year)) {
            typed.errors.put(field, "Enter the academic year as two years, for example 2026-27");
        }
        return year;
    }
}
