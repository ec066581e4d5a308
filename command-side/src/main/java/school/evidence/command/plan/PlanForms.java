package school.evidence.command.plan;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanCommands.ReviseAction;
import school.evidence.kernel.plan.PlanCommands.ReviseSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.WithdrawAction;
import school.evidence.kernel.plan.PlanCommands.WithdrawSuccessCriterion;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.List;
import java.util.Set;

/**
 * Changing the plan from its pages: revising an action or a success criterion (a new version, the old one kept with
 * the reason) and withdrawing either (it stays on the plan, marked, and stops counting in the RAG). Saved, each goes
 * back to the action's page; refused, to the form it came from, as typed, each problem against its field.
 */
@PageController
class PlanForms {

    /** The withdraw form's box, named apart from the change form's reason on the same page. */
    private static final String WITHDRAW_REASON = "withdraw-reason";

    private final CommandSender commands;
    private final PlanLookup plans;

    PlanForms(CommandSender commands, PlanLookup plans) {
        this.commands = commands;
        this.plans = plans;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/plans/{planId}/actions/{actionId}/revision")
    String reviseAction(@PathVariable String planId, @PathVariable String actionId,
                        @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        PlanForm typed = new PlanForm(form);
        ActionDetails typedDetails = typed.actionDetails();
        // the form gives the dates, not the milestones: those the action has are kept with the new dates
        ActionDetails details = typedDetails == null ? null : typedDetails.withTimescale(new Timescale(
                typedDetails.timescale().startsOn(), typedDetails.timescale().endsOn(),
                typedDetails.timescale().ongoing(), milestonesOf(planId, actionId)));
        String reason = typed.reason("Say why it changes, for example the lead has changed");
        return Forms.submit(redirect, typed, "change",
                            () -> commands.send(new ReviseAction(planId, actionId, details, reason)), typed::fieldOf,
                            "Your change to the action is saved", actionPage(planId, actionId),
                            actionPage(planId, actionId) + "/change");
    }

    private List<Timescale.Milestone> milestonesOf(String planId, String actionId) {
        return plans.find(planId).map(p -> p.actions().get(actionId)).map(a -> a.details().timescale())
                    .map(Timescale::milestones).orElse(List.of());
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/plans/{planId}/actions/{actionId}/withdrawal")
    String withdrawAction(@PathVariable String planId, @PathVariable String actionId,
                          @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        PlanForm typed = new PlanForm(form);
        String reason = typed.reason(WITHDRAW_REASON, "Say why it is withdrawn, for example merged into action 2");
        return Forms.submit(redirect, typed, "withdraw",
                            () -> commands.send(new WithdrawAction(planId, actionId, reason)), field -> WITHDRAW_REASON,
                            "The action is withdrawn: it stays on the plan, marked, and no longer counts in its RAG",
                            actionPage(planId, actionId), actionPage(planId, actionId) + "/change#withdraw-reason");
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/plans/{planId}/actions/{actionId}/criteria/{criterionId}/revision")
    String reviseCriterion(@PathVariable String planId, @PathVariable String actionId,
                           @PathVariable String criterionId, @RequestParam MultiValueMap<String, String> form,
                           RedirectAttributes redirect) {
        PlanForm typed = new PlanForm(form);
        String text = typed.required("text", "Enter what success looks like");
        Set<HalfTerm> halfTerms = typed.halfTerms();
        String reason = typed.reason("Say why it changes, for example the date moved to spring");
        String criterionPage = actionPage(planId, actionId) + "/criteria/" + criterionId + "/change";
        return Forms.submit(redirect, typed, "change",
                            () -> commands.send(new ReviseSuccessCriterion(planId, actionId, criterionId, text,
                                                                           halfTerms, reason)),
                            typed::fieldOf, "Your change to the success criterion is saved",
                            actionPage(planId, actionId), criterionPage);
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/plans/{planId}/actions/{actionId}/criteria/{criterionId}/withdrawal")
    String withdrawCriterion(@PathVariable String planId, @PathVariable String actionId,
                             @PathVariable String criterionId, @RequestParam MultiValueMap<String, String> form,
                             RedirectAttributes redirect) {
        PlanForm typed = new PlanForm(form);
        String reason = typed.reason(WITHDRAW_REASON, "Say why it is withdrawn, for example it was met last year");
        return Forms.submit(redirect, typed, "withdraw",
                            () -> commands.send(new WithdrawSuccessCriterion(planId, actionId, criterionId, reason)),
                            field -> WITHDRAW_REASON, "The success criterion is withdrawn",
                            actionPage(planId, actionId),
                            actionPage(planId, actionId) + "/criteria/" + criterionId + "/change#withdraw-reason");
    }

    private static String actionPage(String planId, String actionId) {
        return "/plans/" + planId + "/actions/" + actionId;
    }
}
