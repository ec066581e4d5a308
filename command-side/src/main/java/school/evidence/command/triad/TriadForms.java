package school.evidence.command.triad;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.triad.TriadCommands.FormTriad;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.FormReader;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.ArrayList;
import java.util.List;

/** A trust officer forms a triad from the triad reviews page: its name, year and the school reviewed each term. */
@PageController
class TriadForms {

    static final List<String> TERMS = List.of("autumn", "spring", "summer");

    /** The triad form as typed. */
    static final class TriadForm extends FormReader {
        TriadForm(MultiValueMap<String, String> form) {
            super(form);
        }

        String academicYear() {
            String year = required("academicYear", "Enter the academic year, for example 2026-27");
            if (!year.isEmpty() && !AcademicYear.isValid(year)) {
                errors.put("academicYear", "Enter the academic year as two years, for example 2026-27");
            }
            return year;
        }

        List<String> schools() {
            List<String> schools = new ArrayList<>();
            for (String term : TERMS) {
                schools.add(required(term, "Choose the school reviewed in the " + term + " term"));
            }
            return schools;
        }
    }

    private final CommandSender commands;

    TriadForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/trusts/{trustId}/triads")
    String form(@PathVariable String trustId, @RequestParam MultiValueMap<String, String> form,
                RedirectAttributes redirect) {
        TriadForm typed = new TriadForm(form);
        String name = typed.required("name", "Enter the triad's name, for example North triad");
        String year = typed.academicYear();
        List<String> schools = typed.schools();
        String page = "/trusts/" + trustId + "/triads";
        return Forms.submit(redirect, typed, "triad",
                            () -> commands.send(new FormTriad(trustId, Triads.idOf(name, year), name, year, schools)),
                            field -> field.equals("name") || field.equals("academicYear") ? field : "autumn",
                            "Triad formed", page, page + "#form");
    }
}
