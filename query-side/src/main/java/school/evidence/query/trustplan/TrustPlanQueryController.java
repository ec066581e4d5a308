package school.evidence.query.trustplan;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Trust plans")
class TrustPlanQueryController {

    private final TrustPlanReads reads;

    TrustPlanQueryController(TrustPlanReads reads) {
        this.reads = reads;
    }

    /** The trust's plans, earliest first, each with its number of actions and its RAG over every school. */
    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/api/trusts/{trustId}/plans")
    List<TrustPlanView.Summary> plans(@PathVariable String trustId) {
        return reads.plansOf(trustId);
    }

    /**
     * One plan: each priority rolled up over its actions in every taking-part school; each action with every such
     * school's latest RAG and their roll-up; its whole cost (per school times the schools, a year times its years).
     * {@code asOf=<instant>}: as the product knew it then.
     */
    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/api/trusts/{trustId}/plans/{planId}")
    TrustPlanView plan(@PathVariable String trustId, @PathVariable String planId,
                       @RequestParam(required = false) Instant asOf) {
        return reads.plan(trustId, planId, asOf);
    }

    /** The trust actions the school takes part in, with its own RAG; no other school is named. */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/trust-actions")
    TrustPlanView.ForSchool forSchool(@PathVariable String urn) {
        return reads.forSchool(urn);
    }
}
