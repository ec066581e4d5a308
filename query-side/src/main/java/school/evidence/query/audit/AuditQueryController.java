package school.evidence.query.audit;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.query.Paging;

@RestController
@Tag(name = "Audit")
class AuditQueryController {

    private final AuditTrail trail;

    AuditQueryController(AuditTrail trail) {
        this.trail = trail;
    }

    /** A school's audit trail, oldest first, paged ({@code page} from 0, {@code size} up to 500). */
    @Allowed(value = Who.LEADERS_GOVERNORS_AND_TRUST_OFFICERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/audit")
    Paging<AuditEntry> audit(@PathVariable String urn,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return trail.page(urn, page, size);
    }

    /**
     * A trust's or local authority's audit trail, oldest first, paged: its own records (its plans, priorities,
     * actions, triads, bodies) and its schools' records made for it (joining, phase changes, their judgements of its
     * actions, triad reviews).
     */
    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/api/trusts/{trustId}/audit")
    Paging<AuditEntry> trustAudit(@PathVariable String trustId,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return trail.pageOfTrust(trustId, page, size);
    }
}
