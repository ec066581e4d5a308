package school.evidence.query.trust;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.kernel.body.BodyKind;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.platform.pages.Typed;
import school.evidence.query.school.SchoolNames;

import java.util.Map;

/** A school's boards, committees and partners: its own and its trust's, each with the actions that name it. */
@PageController
class BodyPages {

    private final BodyReads bodies;
    private final SchoolNames names;

    BodyPages(BodyReads bodies, SchoolNames names) {
        this.bodies = bodies;
        this.names = names;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/bodies")
    String forSchool(@PathVariable String urn, Model model) {
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("bodies", bodies.forSchool(urn).bodies());
        model.addAttribute("mayAdd", Caller.current().has(Role.SENIOR_LEADER));
        model.addAttribute("kinds", BodyKind.values());
        model.addAttribute("typed", Typed.of(model.getAttribute("bodyForm")));
        model.addAttribute("errors", model.containsAttribute("bodyErrors") ? model.getAttribute("bodyErrors")
                : Map.of());
        return "bodies";
    }
}
