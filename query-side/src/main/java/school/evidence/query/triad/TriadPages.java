package school.evidence.query.triad;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.pages.Typed;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.trust.TrustDirectory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The trust's triad reviews for its officers: due, overdue, done, and what each found and agreed. */
@PageController
class TriadPages {

    private final TriadReads reads;
    private final TrustDirectory trusts;
    private final SchoolNames names;

    TriadPages(TriadReads reads, TrustDirectory trusts, SchoolNames names) {
        this.reads = reads;
        this.trusts = trusts;
        this.names = names;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}/triads")
    String triads(@PathVariable String trustId, Model model) {
        model.addAttribute("view", reads.forTrust(trustId, LocalDate.now(ZoneId.of("Europe/London"))));
        model.addAttribute("organisation", trusts.wordFor(trustId));
        // the form to form a triad: the member schools to choose from, and what was typed if it was refused
        model.addAttribute("schools", trusts.schoolsOf(trustId).stream()
                                            .map(urn -> new TriadsView.School(urn, names.of(urn)))
                                            .sorted(java.util.Comparator.comparing(TriadsView.School::name)).toList());
        model.addAttribute("terms", List.of("autumn", "spring", "summer"));
        model.addAttribute("typed", Typed.of(model.getAttribute("triadForm")));
        model.addAttribute("errors", model.containsAttribute("triadErrors") ? model.getAttribute("triadErrors")
                : Map.of());
        return "triads";
    }
}
