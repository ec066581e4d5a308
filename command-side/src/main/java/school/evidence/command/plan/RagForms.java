package school.evidence.command.plan;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.Rag;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.LinkedHashMap;
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
        List<String> cited = evidence == null ? List.of() : evidence;
        Map<String, Object> typed = Map.of("halfTerm", halfTerm, "status", status, "rationale", rationale,
                                           "evidence", cited);
        Map<String, String> errors = new LinkedHashMap<>();
        HalfTerm term = choice(HalfTerm.class, halfTerm, "halfTerm", "Choose the half-term this judgement is for",
                               errors);
        Rag rag = choice(Rag.class, status, "status", "Choose green, amber or red", errors);
        if (rationale.isBlank()) {
            errors.put("rationale", "Say why: what the evidence shows");
        }
        if (!errors.isEmpty()) {
            Forms.refused(redirect, "judge", typed, errors);
            return back + "#judge";
        }
        try {
            commands.send(new JudgeActionRag(planId, actionId, term, rag, rationale, cited,
                                             Caller.current().name(), version));
        } catch (RuntimeException e) {
            Throwable cause = Forms.causeOf(e);
            if (cause instanceof ConflictingAggregateVersionException) {
                redirect.addFlashAttribute("judgeForm", typed);
                redirect.addFlashAttribute("judgeConflict", "Someone else changed this plan after you opened the "
                        + "page, so your judgement was not saved. What they recorded is shown now; check it, then "
                        + "save your judgement again if it still stands.");
                return back + "#judge";
            }
            if (cause instanceof Rejection r) {
                String field = typed.containsKey(r.field()) ? r.field() : "rationale";
                Forms.refused(redirect, "judge", typed, Map.of(field, r.getMessage()));
                return back + "#judge";
            }
            throw e;
        }
        Forms.afterWrite(redirect, "Judgement saved: " + words(rag) + " for " + words(term));
        return back;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String missing,
                                                Map<String, String> errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, missing);
            return null;
        }
    }

    private static String words(Enum<?> code) {
        String w = code.name().toLowerCase(java.util.Locale.UK).replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
