package school.evidence.command.plan;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.List;
import java.util.Map;

/**
 * The judge-RAG form of the action page. It goes back to that page either way: saved (the page waits to show it),
 * refused with each problem against its field and everything as typed, or, when someone else changed the plan since
 * the page was read, with their judgement now on the page and the form asking again.
 */
@PageController
class RagForms {

    private final CommandSender commands;

    RagForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/plans/{planId}/actions/{actionId}/rag")
    String judge(@PathVariable String planId, @PathVariable String actionId,
                 @RequestParam(defaultValue = "") String halfTerm, @RequestParam(defaultValue = "") String status,
                 @RequestParam(defaultValue = "") String rationale,
                 @RequestParam(required = false) List<String> evidence,
                 @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        String back = "redirect:/plans/" + planId + "/actions/" + actionId;
        RagForm form = new RagForm(halfTerm, status, rationale, evidence);
        if (!form.errors.isEmpty()) {
            Forms.refused(redirect, "judge", form.typed, form.errors);
            return back + "#judge";
        }
        try {
            commands.send(new JudgeActionRag(planId, actionId, form.halfTerm, form.status, rationale, form.evidence,
                                             Caller.current().name(), version));
        } catch (RuntimeException e) {
            Throwable cause = Forms.causeOf(e);
            if (cause instanceof ConflictingAggregateVersionException) {
                redirect.addFlashAttribute("judgeForm", form.typed);
                redirect.addFlashAttribute("judgeConflict", "Someone else changed this plan after you opened the "
                        + "page, so your judgement was not saved. What they recorded is shown now; check it, then "
                        + "save your judgement again if it still stands.");
                return back + "#judge";
            }
            if (cause instanceof Rejection r) {
                Forms.refused(redirect, "judge", form.typed, Map.of(form.fieldOf(r.field()), r.getMessage()));
                return back + "#judge";
            }
            throw e;
        }
        Forms.afterWrite(redirect, form.saved());
        return back;
    }
}
