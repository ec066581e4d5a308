package school.evidence.query.trust;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@Tag(name = "Trusts")
class TrustQueryController {

    private final TrustReads reads;

    TrustQueryController(TrustReads reads) {
        this.reads = reads;
    }

    /**
     * The trust's schools side by side on a date ({@code on}, default today): the improvement phase in force that day
     * (the latest to have taken effect by then, whenever it was recorded) with the day it took effect and the
     * indicative measures it rests on, the whole phase history in order of effect, the RAG distribution of the plan
     * for that academic year, overdue next steps, how many live actions have monitoring evidence this year, and the
     * last self-evaluation. Schools that had not joined by that day are not listed. {@code asOf=<instant>}: all of it
     * as the product knew it then (by recorded time), as for the plan.
     */
    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/api/trusts/{trustId}")
    TrustView trust(@PathVariable String trustId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    @RequestParam(required = false) Instant asOf) {
        return reads.trust(trustId, on, asOf);
    }
}
