package school.evidence.query.trust;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

@RestController
@Tag(name = "Bodies")
class BodyQueryController {

    private final BodyReads reads;

    BodyQueryController(BodyReads reads) {
        this.reads = reads;
    }

    /**
     * The bodies the school's plans may name: its own (governing board, committees) and its trusts', each with the
     * live actions of the school's plans that name it as leading, monitoring or evaluating.
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/bodies")
    BodiesView forSchool(@PathVariable String urn) {
        return reads.forSchool(urn);
    }

    /** The trust's bodies, each with the live actions of its schools' plans that name it. */
    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @GetMapping("/api/trusts/{trustId}/bodies")
    BodiesView forTrust(@PathVariable String trustId) {
        return reads.forTrust(trustId);
    }
}
