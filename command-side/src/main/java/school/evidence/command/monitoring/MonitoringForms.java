package school.evidence.command.monitoring;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.command.plan.PlanLookup;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
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
import java.util.Set;
import java.util.UUID;

/**
 * The record-monitoring form. Saved, it leads to the first action of the school's plan it is evidence for (where it
 * now shows in the timeline), to the record itself when it cites only a trust's actions, or to the school's home; refused, it goes back to the form, filled in as typed, each problem against
 * its field.
 */
@PageController
class MonitoringForms {

    private final CommandSender commands;
    private final PlanLookup plans;

    MonitoringForms(CommandSender commands, PlanLookup plans) {
        this.commands = commands;
        this.plans = plans;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/schools/{urn}/monitoring/{kind}")
    String record(@PathVariable String urn, @PathVariable String kind,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        MonitoringType type = typeOf(kind);
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
        String activityId = UUID.randomUUID().toString();
        try {
            commands.send(new RecordMonitoringActivity(activityId, urn, type, details, null));
        } catch (RuntimeException e) {
            Rejection r = Forms.rejectionOr(e);
            Forms.refused(redirect, "record", typed.typed(), Map.of(fieldOf(r.field()), r.getMessage()));
            return back;
        }
        String name = type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.UK).replace('_', ' ');
        Forms.afterWrite(redirect, name + " recorded");
        if (details.actionIds().isEmpty()) {
            return "redirect:/schools/" + urn;
        }
        String planId = PlanId.of(urn, AcademicYear.containing(details.occurredOn()));
        Set<String> own = plans.find(planId).map(PlanLookup.PlanFacts::liveActionIds).orElse(Set.of());
        return details.actionIds().stream().filter(own::contains).findFirst()
                      .map(actionId -> "redirect:/plans/" + planId + "/actions/" + actionId)
                      .orElse("redirect:/monitoring/" + activityId); // it cites only a trust's actions
    }

    /** A change to a record: a new version with the reason given; refused, the form comes back as typed. */
    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS, scope = ScopeKind.RECORD, variable = "activityId",
             record = "MonitoringActivity")
    @PostMapping("/monitoring/{activityId}/amendment")
    String amend(@PathVariable String activityId, @RequestParam MultiValueMap<String, String> form,
                 RedirectAttributes redirect) {
        String back = "redirect:/monitoring/" + activityId + "/amend";
        MonitoringForm typed = MonitoringForm.read(form);
        MonitoringDetails details = typed.details(typeOf(form.getFirst("kind")));
        String reason = typed.reason("Say why you are changing it, for example the wrong year group was ticked");
        if (details == null || reason == null) {
            Forms.refused(redirect, "record", typed.typed(), typed.errors);
            return back;
        }
        try {
            commands.send(new AmendMonitoringActivity(activityId, details, reason));
        } catch (RuntimeException e) {
            Rejection r = Forms.rejectionOr(e);
            Forms.refused(redirect, "record", typed.typed(), Map.of(fieldOf(r.field()), r.getMessage()));
            return back;
        }
        Forms.afterWrite(redirect, "Your change is saved as a new version");
        return "redirect:/monitoring/" + activityId;
    }

    /** Withdraws a record from evidence with a reason; it stays, marked retracted. */
    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS, scope = ScopeKind.RECORD, variable = "activityId",
             record = "MonitoringActivity")
    @PostMapping("/monitoring/{activityId}/retraction")
    String retract(@PathVariable String activityId, @RequestParam MultiValueMap<String, String> form,
                   RedirectAttributes redirect) {
        MonitoringForm typed = MonitoringForm.read(form);
        String reason = typed.reason("Say why it is retracted, for example recorded twice by mistake");
        if (reason != null) {
            try {
                commands.send(new RetractMonitoringActivity(activityId, reason));
                Forms.afterWrite(redirect, "The record is retracted: it no longer counts as evidence");
                return "redirect:/monitoring/" + activityId;
            } catch (RuntimeException e) {
                typed.errors.put("reason", Forms.rejectionOr(e).getMessage());
            }
        }
        Forms.refused(redirect, "retract", typed.typed(), typed.errors);
        return "redirect:/monitoring/" + activityId + "#reason";
    }

    private static MonitoringType typeOf(String kind) {
        try {
            return MonitoringType.valueOf(String.valueOf(kind).toUpperCase(Locale.UK).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Rejection.notFound("kind", "There is no kind of monitoring called " + kind);
        }
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
