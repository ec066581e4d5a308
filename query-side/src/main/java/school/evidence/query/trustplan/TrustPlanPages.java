package school.evidence.query.trustplan;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.query.triad.TriadReads;
import school.evidence.query.trust.TrustDirectory;

import java.time.LocalDate;
import java.time.ZoneId;

/** A trust's plans for its officers: the list, and one plan with every taking-part school's RAG per action. */
@PageController
class TrustPlanPages {

    private final TrustPlanReads plans;
    private final TrustDirectory trusts;
    private final TriadReads triads;

    TrustPlanPages(TrustPlanReads plans, TrustDirectory trusts, TriadReads triads) {
        this.plans = plans;
        this.trusts = trusts;
        this.triads = triads;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}/plans")
    String list(@PathVariable String trustId, Model model) {
        model.addAttribute("trustId", trustId);
        model.addAttribute("trustName", trusts.nameOf(trustId));
        model.addAttribute("plans", plans.plansOf(trustId));
        model.addAttribute("organisation", trusts.wordFor(trustId));
        return "trust-plans";
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}/plans/{planId}")
    String plan(@PathVariable String trustId, @PathVariable String planId, Model model) {
        model.addAttribute("plan", plans.plan(trustId, planId));
        model.addAttribute("organisation", trusts.wordFor(trustId));
        model.addAttribute("triads", triads.forTrust(trustId, LocalDate.now(ZoneId.of("Europe/London"))));
        return "trust-plan";
    }
}
