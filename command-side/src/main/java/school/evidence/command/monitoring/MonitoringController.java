package school.evidence.command.monitoring;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Recorders;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.school.Urn;

import java.net.URI;
import java.util.UUID;

/**
 * Recording monitoring: subject and senior leaders; governors record their own link-governor visits only.
 */
@RestController
@Tag(name = "Monitoring")
class MonitoringController {

    /** Replies: what each write names (the ledger's receipts are added to them). */
    record ActivityAmended(String activityId, int version) {
    }

    record ActivityWritten(String activityId) {
    }

    record RetractRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;

    MonitoringController(CommandSender commands) {
        this.commands = commands;
    }

    // a governor records only governor visits, a trust officer only external reviews: checked on the body below
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/monitoring")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActivityWritten> record(@PathVariable String urn,
                                           @Validated({Default.class, ActivityRequest.Recording.class})
                                           @RequestBody ActivityRequest request) {
        if (!Urn.isValid(urn)) {
            throw Rejection.invalid("urn", "urn must be exactly six digits");
        }
        mayRecord(Caller.current(), request.type());
        String activityId = UUID.randomUUID().toString();
        commands.send(new RecordMonitoringActivity(activityId, urn, request.type(), request.details(),
                                                   request.fulfils()));
        return ResponseEntity.created(URI.create("/api/monitoring/" + activityId))
                             .body(new ActivityWritten(activityId));
    }

    /** School staff record any kind; governors only their visits and trust officers only external reviews. */
    private static void mayRecord(Caller caller, MonitoringType type) {
        if (!Recorders.mayRecord(caller, type)) {
            throw new AccessDeniedException("Your role may not record " + type);
        }
    }

    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS,
             scope = ScopeKind.RECORD, variable = "activityId", record = "MonitoringActivity")
    @PostMapping("/api/monitoring/{activityId}/amendments")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActivityAmended> amend(@PathVariable String activityId,
                                          @Validated({Default.class, ActivityRequest.Amending.class})
                                          @RequestBody ActivityRequest request) {
        int version = commands.send(new AmendMonitoringActivity(activityId, request.details(), request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ActivityAmended(activityId, version));
    }

    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS,
             scope = ScopeKind.RECORD, variable = "activityId", record = "MonitoringActivity")
    @PostMapping("/api/monitoring/{activityId}/retraction")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActivityWritten> retract(@PathVariable String activityId,
                                                @Valid @RequestBody RetractRequest request) {
        commands.send(new RetractMonitoringActivity(activityId, request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ActivityWritten(activityId));
    }
}
