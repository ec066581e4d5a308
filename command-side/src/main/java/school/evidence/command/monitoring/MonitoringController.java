package school.evidence.command.monitoring;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.school.Urn;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Recording monitoring: subject and senior leaders. Governors read it but never write it. */
@RestController
@Tag(name = "Monitoring")
@PreAuthorize("hasAnyRole('SENIOR_LEADER', 'SUBJECT_LEADER')")
class MonitoringController {

    record FocusRequest(@Size(max = 100) String subject, List<@NotBlank @Size(max = 20) String> yearGroups) {
    }

    record RecordRequest(@NotNull MonitoringType type,
                         @NotNull LocalDate occurredOn,
                         @NotBlank @Size(max = 100) String lead,
                         @Valid FocusRequest focus,
                         List<@NotBlank @Size(max = 4000) String> strengths,
                         List<@NotBlank @Size(max = 4000) String> areasForDevelopment,
                         List<@NotBlank String> actionIds) {
    }

    record AmendRequest(@NotNull LocalDate occurredOn,
                        @NotBlank @Size(max = 100) String lead,
                        @Valid FocusRequest focus,
                        List<@NotBlank @Size(max = 4000) String> strengths,
                        List<@NotBlank @Size(max = 4000) String> areasForDevelopment,
                        List<@NotBlank String> actionIds,
                        @NotBlank @Size(max = 2000) String reason) {
    }

    record RetractRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;

    MonitoringController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/schools/{urn}/monitoring")
    ResponseEntity<Map<String, String>> record(@PathVariable String urn, @Valid @RequestBody RecordRequest request) {
        if (!Urn.isValid(urn)) {
            throw Rejection.invalid("urn", "urn must be exactly six digits");
        }
        String activityId = UUID.randomUUID().toString();
        commands.send(new RecordMonitoringActivity(activityId, urn, request.type(), details(
                request.occurredOn(), request.lead(), request.focus(), request.strengths(),
                request.areasForDevelopment(), request.actionIds())));
        return ResponseEntity.created(URI.create("/api/monitoring/" + activityId))
                             .body(Map.of("activityId", activityId));
    }

    @PostMapping("/api/monitoring/{activityId}/amendments")
    ResponseEntity<Map<String, Object>> amend(@PathVariable String activityId,
                                              @Valid @RequestBody AmendRequest request) {
        int version = commands.send(new AmendMonitoringActivity(activityId, details(
                request.occurredOn(), request.lead(), request.focus(), request.strengths(),
                request.areasForDevelopment(), request.actionIds()), request.reason()), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("activityId", activityId, "version", version));
    }

    @PostMapping("/api/monitoring/{activityId}/retraction")
    ResponseEntity<Map<String, String>> retract(@PathVariable String activityId,
                                                @Valid @RequestBody RetractRequest request) {
        commands.send(new RetractMonitoringActivity(activityId, request.reason()), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("activityId", activityId));
    }

    private static MonitoringDetails details(LocalDate occurredOn, String lead, FocusRequest focus,
                                             List<String> strengths, List<String> areas, List<String> actionIds) {
        return new MonitoringDetails(occurredOn, lead,
                                     focus == null ? null : new MonitoringDetails.Focus(focus.subject(),
                                                                                        orEmpty(focus.yearGroups())),
                                     orEmpty(strengths), orEmpty(areas), orEmpty(actionIds));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
