package school.evidence.command.body;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.body.BodyCommands.RegisterSchoolBody;
import school.evidence.kernel.body.BodyKind;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.FormReader;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.Arrays;
import java.util.List;

/** A senior leader adds one of the school's bodies (a committee, a partnership) from the bodies page. */
@PageController
class BodyForms {

    static final class BodyForm extends FormReader {
        BodyForm(MultiValueMap<String, String> form) {
            super(form);
        }

        BodyKind kind() {
            BodyKind kind = Arrays.stream(BodyKind.values()).filter(k -> k.name().equals(value("kind"))).findFirst()
                                  .orElse(null);
            if (kind == null) {
                errors.put("kind", "Choose what kind of body it is");
            }
            return kind;
        }

        String remit() {
            return text("remit");
        }
    }

    private final CommandSender commands;

    BodyForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/schools/{urn}/bodies")
    String register(@PathVariable String urn, @RequestParam MultiValueMap<String, String> form,
                    RedirectAttributes redirect) {
        BodyForm typed = new BodyForm(form);
        String name = typed.required("name", "Enter the body's name, for example Curriculum Committee");
        BodyKind kind = typed.kind();
        String remit = typed.remit();
        String page = "/schools/" + urn + "/bodies";
        return Forms.submit(redirect, typed, "body", () -> commands.send(new RegisterSchoolBody(urn, name, kind, remit)),
                            field -> List.of("name", "kind", "remit").contains(field) ? field : "name",
                            name + " added", page, page + "#add");
    }
}
