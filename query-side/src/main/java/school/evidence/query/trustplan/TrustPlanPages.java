package school.evidence.query.trustplan;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.pages.Typed;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.triad.TriadReads;
import school.evidence.query.triad.TriadsView;
import school.evidence.query.trust.TrustDirectory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A trust's plans for its officers: the list with the form to start one, and one plan with every taking-part school's
 * RAG per action and the forms to add a priority and an action.
 */
@PageController
class TrustPlanPages {

    private final TrustPlanReads plans;
    private final TrustDirectory trusts;
    private final TriadReads triads;
    private final SchoolNames names;

    TrustPlanPages(TrustPlanReads plans, TrustDirectory trusts, TriadReads triads, SchoolNames names) {
        this.plans = plans;
        this.trusts = trusts;
        this.triads = triads;
        this.names = names;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}/plans")
    String list(@PathVariable String trustId, Model model) {
        model.addAttribute("trustId", trustId);
        model.addAttribute("trustName", trusts.nameOf(trustId));
        model.addAttribute("plans", plans.plansOf(trustId));
        model.addAttribute("organisation", trusts.wordFor(trustId));
        model.addAttribute("typed", Typed.of(model.getAttribute("planForm")));
        model.addAttribute("errors", errorsOf(model, "planErrors"));
        return "trust-plans";
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}/plans/{planId}")
    String plan(@PathVariable String trustId, @PathVariable String planId, Model model) {
        model.addAttribute("plan", plans.plan(trustId, planId));
        model.addAttribute("organisation", trusts.wordFor(trustId));
        model.addAttribute("triads", triads.forTrust(trustId, LocalDate.now(ZoneId.of("Europe/London"))));
        // the forms to add a priority and an action: the member schools to choose from, what was typed if refused
        model.addAttribute("members", trusts.schoolsOf(trustId).stream()
                                            .map(urn -> new TriadsView.School(urn, names.of(urn)))
                                            .sorted(Comparator.comparing(TriadsView.School::name)).toList());
        model.addAttribute("costBases", CostBasis.values());
        model.addAttribute("priorityTyped", Typed.of(model.getAttribute("priorityForm")));
        model.addAttribute("priorityErrors", errorsOf(model, "priorityErrors"));
        Object action = model.getAttribute("actionForm");
        model.addAttribute("actionTyped", action != null ? Typed.of(action)
                : new Typed(Map.of("costBasis", List.of(CostBasis.TOTAL.name()))));
        model.addAttribute("actionErrors", errorsOf(model, "actionErrors"));
        return "trust-plan";
    }

    private static Object errorsOf(Model model, String name) {
        return model.containsAttribute(name) ? model.getAttribute(name) : Map.of();
    }
}
