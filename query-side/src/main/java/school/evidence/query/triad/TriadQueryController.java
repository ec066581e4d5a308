package school.evidence.query.triad;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

import java.time.LocalDate;
import java.time.ZoneId;

@RestController
@Tag(name = "Triad reviews")
class TriadQueryController {

    private final TriadReads reads;

    TriadQueryController(TriadReads reads) {
        this.reads = reads;
    }

    /** The trust's triads, latest year first, each review done, due, overdue or later on {@code on} (default today). */
    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/api/trusts/{trustId}/triads")
    TriadsView triads(@PathVariable String trustId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return reads.forTrust(trustId, on == null ? LocalDate.now(ZoneId.of("Europe/London")) : on);
    }
}
