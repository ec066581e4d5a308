package school.evidence.command.monitoring;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.PlanId;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Recorders;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The record-monitoring form. Saved, it leads to the first action it is evidence for (where it now shows in the
 * timeline) or to the school's home; refused, it goes back to the form, filled in as typed, each problem against
 * its field.
 */
@PageController
class MonitoringForms {

    private final CommandSender commands;

    MonitoringForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/schools/{urn}/monitoring/{kind}")
    String record(@PathVariable String urn, @PathVariable String kind,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        MonitoringType type;
        try {
            type = MonitoringType.valueOf(kind.toUpperCase(Locale.UK).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Rejection.notFound("kind", "There is no kind of monitoring called " + kind);
        }
        if (!Recorders.mayRecord(Caller.current(), type)) {
            throw new AccessDeniedException("Your role may not record a " + type);
        }
        String back = "redirect:/schools/" + urn + "/monitoring/new/" + kind;
        MonitoringForm typed = MonitoringForm.read(form);
        MonitoringDetails details = typed.details(type);
        if (details == null) {
            Forms.refused(redirect, "record", typed.typed(), typed.errors);
            return back;
        }
        try {
            commands.send(new RecordMonitoringActivity(UUID.randomUUID().toString(), urn, type, details, null));
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof Rejection r)) {
                throw e;
            }
            Forms.refused(redirect, "record", typed.typed(), Map.of(fieldOf(r.field()), r.getMessage()));
            return back;
        }
        String name = type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.UK).replace('_', ' ');
        Forms.afterWrite(redirect, name + " recorded");
        if (details.actionIds().isEmpty()) {
            return "redirect:/schools/" + urn;
        }
        String planId = PlanId.of(urn, AcademicYear.containing(details.occurredOn()));
        return "redirect:/plans/" + planId + "/actions/" + details.actionIds().get(0);
    }

    /** The domain names a field as the API does ({@code workScrutiny.sampleSize}); the form as {@code workScrutiny-sampleSize}. */
    private static String fieldOf(String domainField) {
        if (domainField == null) {
            return "occurredOn";
        }
        if (domainField.startsWith("nextSteps")) {
            return "step1-text";
        }
        return domainField.replace('.', '-');
    }
}
