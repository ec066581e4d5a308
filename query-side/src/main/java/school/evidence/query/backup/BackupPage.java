package school.evidence.query.backup;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

/** The operations page's "Back up now" (the list of archives is a section of that page). */
@Controller
class BackupPage {

    private final Backups backups;

    BackupPage(Backups backups) {
        this.backups = backups;
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/operations/backups")
    String backUp(RedirectAttributes redirect) {
        Backups.Made made = backups.backUpNow();
        redirect.addFlashAttribute("saved", "Backed up: " + made.events() + " events (" + made.kind() + " archive "
                + made.archive() + ")");
        return "redirect:/operations#backups";
    }
}
