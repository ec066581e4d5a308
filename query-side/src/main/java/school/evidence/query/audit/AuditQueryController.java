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
}
