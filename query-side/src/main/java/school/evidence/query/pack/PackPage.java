package school.evidence.query.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.OfstedArea.Framework;
import school.evidence.ledger.merkle.PackVerifier;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.proof.SigningKey;
import school.evidence.query.pack.EvidencePackController.Format;
import school.evidence.query.school.SchoolNames;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence pack page: choose the period and the framework (the one in force for the period by default), make
 * the pack, see that it verifies against the checkpoint signed as it was made, and open or download it as HTML, PDF
 * or JSON. The files come from here too, under the page's sign-in.
 */
@PageController
class PackPage {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private final EvidencePacks packs;
    private final SchoolNames names;
    private final SigningKey key;
    private final ObjectMapper json = new ObjectMapper();

    PackPage(EvidencePacks packs, SchoolNames names, SigningKey key) {
        this.packs = packs;
        this.names = names;
        this.key = key;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/evidence-pack")
    String page(@PathVariable String urn, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) Framework framework,
                Model model) throws Exception {
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        String yearStart = AcademicYear.containing(today).substring(0, 4) + "-09-01";
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = day(from, "from", "Enter the first day, for example 1 September 2026", errors);
        LocalDate end = day(to, "to", "Enter the last day, for example 31 July 2027", errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.put("to", "The last day must be on or after the first day");
        }
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("from", from == null ? yearStart : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        model.addAttribute("frameworks", List.of(Framework.EIF_2019, Framework.RENEWED_2025));
        model.addAttribute("errors", errors);
        boolean asked = from != null || to != null;
        Framework chosen = framework != null ? framework
                : EvidencePacks.inForce(start != null ? start : LocalDate.parse(yearStart));
        model.addAttribute("framework", chosen);
        if (asked && errors.isEmpty()) {
            Document pack = packs.build(urn, start, end, chosen, EvidencePackController.madeBy());
            PackVerifier.Result verified = PackVerifier.verify(
                    json.readTree(packs.render(pack, Format.JSON)), key.verifying());
            Document checkpoint = pack.get("ledger", Document.class).get("checkpoint", Document.class);
            model.addAttribute("made", pack);
            model.addAttribute("verified", verified);
            model.addAttribute("checkpoint", checkpoint);
            model.addAttribute("query", "from=" + start + "&to=" + end + "&framework=" + chosen.name());
        }
        return "pack-page";
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/evidence-pack/file")
    ResponseEntity<byte[]> file(@PathVariable String urn, @RequestParam String from, @RequestParam String to,
                                @RequestParam(required = false) Framework framework,
                                @RequestParam(defaultValue = "HTML") Format format) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = day(from, "from", "from must be a date, for example 2026-09-01", errors);
        LocalDate end = day(to, "to", "to must be a date, for example 2027-07-31", errors);
        if (!errors.isEmpty()) {
            Map.Entry<String, String> first = errors.entrySet().iterator().next();
            throw Rejection.invalid(first.getKey(), first.getValue());
        }
        if (start.isAfter(end)) {
            throw Rejection.invalid("from", "The first day must be on or before the last day");
        }
        byte[] body = packs.render(packs.build(urn, start, end, framework, EvidencePackController.madeBy()), format);
        String name = "evidence-pack-" + urn + "-" + from + "-" + to + "." + format.name().toLowerCase();
        MediaType type = switch (format) {
            case JSON -> MediaType.APPLICATION_JSON;
            case HTML -> new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
            case PDF -> MediaType.APPLICATION_PDF;
        };
        String disposition = format == Format.HTML ? "inline" : "attachment";
        return ResponseEntity.ok().contentType(type)
                             .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"" + name + "\"")
                             .body(body);
    }

    private static LocalDate day(String typed, String field, String problem, Map<String, String> errors) {
        if (typed == null) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, problem);
            return null;
        }
    }
}
