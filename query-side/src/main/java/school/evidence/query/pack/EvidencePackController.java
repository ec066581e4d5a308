package school.evidence.query.pack;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.plan.OfstedArea;

import java.time.LocalDate;

/**
 * The inspection evidence pack: JSON (verifiable offline), HTML, or PDF. The framework defaults to the one in force
 * in the academic year the period starts in (the 2019 framework before 2025-26, the renewed one from then).
 */
@RestController
@Tag(name = "Evidence pack")
class EvidencePackController {

    enum Format { JSON, HTML, PDF }

    private final EvidencePacks packs;

    EvidencePackController(EvidencePacks packs) {
        this.packs = packs;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/evidence-pack")
    ResponseEntity<byte[]> pack(@PathVariable String urn,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) OfstedArea.Framework framework,
                                @RequestParam(defaultValue = "JSON") Format format) {
        String name = "evidence-pack-" + urn + "-" + from + "-" + to;
        byte[] body = packs.render(packs.build(urn, from, to, framework, madeBy()), format);
        return switch (format) {
            case JSON -> file(body, MediaType.APPLICATION_JSON, name + ".json");
            case HTML -> file(body, MediaType.TEXT_HTML, name + ".html");
            case PDF -> file(body, MediaType.APPLICATION_PDF, name + ".pdf");
        };
    }

    /** Who asked for a pack, by role: a name would travel with the pack, and names stay in the audit trail. */
    static String madeBy() {
        var role = Caller.current().primaryRole();
        return role == null ? null : role.name();
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                             .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"").body(body);
    }
}
