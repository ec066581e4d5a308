package school.evidence.command.trust;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.trust.TrustCommands.ChangeImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.FormReader;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A trust officer records a school's change of improvement phase from its page, with why and the measures. */
@PageController
class TrustForms {

    /** The phase-change form as typed. */
    static final class PhaseForm extends FormReader {
        PhaseForm(MultiValueMap<String, String> form) {
            super(form);
        }

        ImprovementPhase phase() {
            ImprovementPhase phase = Arrays.stream(ImprovementPhase.values())
                    .filter(p -> p.name().equals(value("phase"))).findFirst().orElse(null);
            if (phase == null) {
                errors.put("phase", "Choose the new phase");
            }
            return phase;
        }

        LocalDate effectiveOn() {
            return date("effectiveOn", "Enter the day it takes effect, for example 5 1 2027", true);
        }

        List<String> measures() {
            return lines("measures");
        }
    }

    private final CommandSender commands;

    TrustForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/trusts/{trustId}/schools/{urn}/phase")
    String changePhase(@PathVariable String trustId, @PathVariable String urn,
                       @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        PhaseForm typed = new PhaseForm(form);
        ImprovementPhase phase = typed.phase();
        LocalDate effectiveOn = typed.effectiveOn();
        String reason = typed.reason("Say why the phase changes");
        String page = "/trusts/" + trustId + "/schools/" + urn;
        return Forms.submit(redirect, typed, "phase",
                            () -> commands.send(new ChangeImprovementPhase(trustId, urn, phase, effectiveOn, reason,
                                                                           typed.measures())),
                            field -> List.of("phase", "effectiveOn", "reason").contains(field) ? field : "reason",
                            "Phase change recorded", page, page + "#change");
    }
}
