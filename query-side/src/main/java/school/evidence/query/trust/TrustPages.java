package school.evidence.query.trust;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.AsOf;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.pages.Typed;
import school.evidence.query.monitoring.MonitoringReads;
import school.evidence.query.monitoring.MonitoringRecord;
import school.evidence.query.school.SchoolNames;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trust's pages for its officers: its schools side by side (phase and since when, the plan's RAG, overdue next
 * steps, monitoring coverage, the latest external or peer review), sortable and as it stood at a moment; and one
 * school's phase timeline with the measures each phase rested on, where a phase change is recorded.
 */
@PageController
class TrustPages {

    /** One school's row: what the trust view holds, its name, and its latest external or peer review. */
    record Row(TrustView.School school, String name, MonitoringRecord latestReview) {
    }

    private static final List<String> PHASE_ORDER = List.of("STABILISE", "REPAIR", "IMPROVE", "SUSTAIN");

    private final TrustReads trusts;
    private final SchoolNames names;
    private final MonitoringReads monitoring;

    TrustPages(TrustReads trusts, SchoolNames names, MonitoringReads monitoring) {
        this.trusts = trusts;
        this.names = names;
        this.monitoring = monitoring;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}")
    String overview(@PathVariable String trustId, @RequestParam(defaultValue = "name") String sort,
                    @RequestParam(required = false) String asOf, Model model) {
        Optional<Instant> at = AsOf.moment(asOf, model);
        TrustView trust = trusts.trust(trustId, null, at.orElse(null));
        Caller officer = Caller.current();
        List<Row> rows = trust.schools().stream()
                .map(s -> new Row(s, names.of(s.urn()), monitoring.ofType(s.urn(), MonitoringType.EXTERNAL_REVIEW,
                                                                          officer).stream().findFirst().orElse(null)))
                .sorted(order(sort)).toList();
        model.addAttribute("trust", trust);
        model.addAttribute("organisation", "LOCAL_AUTHORITY".equals(trust.kind()) ? "local authority" : "trust");
        model.addAttribute("rows", rows);
        model.addAttribute("sort", sort);
        model.addAttribute("keep", Map.of("sort", sort));
        return "trust";
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/trusts/{trustId}/schools/{urn}")
    String school(@PathVariable String trustId, @PathVariable String urn, Model model) {
        TrustView trust = trusts.trust(trustId, null, null);
        TrustView.School school = trust.schools().stream().filter(s -> s.urn().equals(urn)).findFirst()
                .orElseThrow(() -> Rejection.notFound("urn", "The trust has no school " + urn));
        model.addAttribute("trust", trust);
        model.addAttribute("school", school);
        model.addAttribute("name", names.of(urn));
        model.addAttribute("history", school.phaseHistory().reversed());
        model.addAttribute("phases", ImprovementPhase.values());
        model.addAttribute("typed", Typed.of(model.getAttribute("phaseForm")));
        model.addAttribute("errors", model.containsAttribute("phaseErrors") ? model.getAttribute("phaseErrors")
                : Map.of());
        return "trust-school";
    }

    /** Name, phase (Stabilise first, as a trust triages), overall RAG (red first), overdue or coverage (worst first). */
    private static Comparator<Row> order(String sort) {
        Comparator<Row> byName = Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER);
        return switch (sort) {
            case "phase" -> Comparator.comparing((Row r) -> PHASE_ORDER.indexOf(r.school().phase())).thenComparing(byName);
            case "rag" -> Comparator.comparing((Row r) -> ragOrder(r.school().overallRag())).thenComparing(byName);
            case "overdue" -> Comparator.comparing((Row r) -> -r.school().overdueNextSteps()).thenComparing(byName);
            case "coverage" -> Comparator.comparing((Row r) -> coverage(r.school())).thenComparing(byName);
            default -> byName;
        };
    }

    private static int ragOrder(String rag) {
        return rag == null ? 3 : List.of("RED", "AMBER", "GREEN").indexOf(rag);
    }

    private static double coverage(TrustView.School s) {
        TrustView.Coverage c = s.monitoringCoverage();
        return c == null || c.liveActions() == 0 ? 0 : (double) c.actionsWithEvidenceThisYear() / c.liveActions();
    }
}
