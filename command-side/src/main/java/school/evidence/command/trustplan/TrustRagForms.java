package school.evidence.command.trustplan;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.command.plan.RagForm;
import school.evidence.kernel.trustplan.TrustPlanCommands.JudgeTrustActionRag;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Actor;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.List;
import java.util.Map;

/**
 * The judge-RAG form of a school's page for a trust action it takes part in: how the action goes at this school. It
 * goes back to that page, saved or refused with each problem against its field and everything as typed.
 */
@PageController
class TrustRagForms {

    private final CommandSender commands;

    TrustRagForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.LEADERS_AND_TRUST_OFFICERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/schools/{urn}/trust-plans/{planId}/actions/{actionId}/rag")
    String judge(@PathVariable String urn, @PathVariable String planId, @PathVariable String actionId,
                 @RequestParam(defaultValue = "") String halfTerm, @RequestParam(defaultValue = "") String status,
                 @RequestParam(defaultValue = "") String rationale,
                 @RequestParam(required = false) List<String> evidence, RedirectAttributes redirect) {
        String back = "redirect:/schools/" + urn + "/trust-actions/" + actionId;
        RagForm form = new RagForm(halfTerm, status, rationale, evidence);
        if (form.errors.isEmpty()) {
            try {
                commands.send(new JudgeTrustActionRag(planId, actionId, urn, form.halfTerm, form.status, rationale,
                                                      form.evidence, Actor.current().userId()));
                Forms.afterWrite(redirect, form.saved());
                return back;
            } catch (RuntimeException e) {
                school.evidence.kernel.Rejection r = Forms.rejectionOr(e);
                form.errors.put(form.fieldOf(r.field()), r.getMessage());
            }
        }
        Forms.refused(redirect, "judge", form.typed, Map.copyOf(form.errors));
        return back + "#judge";
    }
}
