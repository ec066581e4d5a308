package school.evidence.query.triad;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.query.trust.TrustDirectory;

import java.time.LocalDate;
import java.time.ZoneId;

/** The trust's triad reviews for its officers: due, overdue, done, and what each found and agreed. */
@PageController
class TriadPages {

    private final TriadReads reads;
    private final TrustDirectory trusts;

    TriadPages(TriadReads reads, TrustDirectory trusts) {
        this.reads = reads;
        this.trusts = trusts;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}/triads")
    String triads(@PathVariable String trustId, Model model) {
        model.addAttribute("view", reads.forTrust(trustId, LocalDate.now(ZoneId.of("Europe/London"))));
        model.addAttribute("organisation", trusts.wordFor(trustId));
        return "triads";
    }
}
