package school.evidence.command.retention;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionCommands.PlaceLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ReleaseLegalHold;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Legal holds (senior leaders: a complaint, a claim or an investigation needs a record kept past its retention
 * period) and an operator's "run the retention schedule now".
 */
@RestController
@Tag(name = "Personal data")
class RetentionController {

    record HoldRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final RetentionJob job;

    RetentionController(CommandSender commands, RetentionJob job) {
        this.commands = commands;
        this.job = job;
    }

    @PostMapping("/api/monitoring/{activityId}/legal-hold")
    ResponseEntity<Map<String, String>> holdActivity(@PathVariable String activityId,
                                                     @Valid @RequestBody HoldRequest request) {
        return hold(activityId, RecordKind.MONITORING_ACTIVITY, true, request);
    }

    @PostMapping("/api/monitoring/{activityId}/legal-hold/release")
    ResponseEntity<Map<String, String>> releaseActivity(@PathVariable String activityId,
                                                        @Valid @RequestBody HoldRequest request) {
        return hold(activityId, RecordKind.MONITORING_ACTIVITY, false, request);
    }

    @PostMapping("/api/challenges/{challengeId}/legal-hold")
    ResponseEntity<Map<String, String>> holdChallenge(@PathVariable String challengeId,
                                                      @Valid @RequestBody HoldRequest request) {
        return hold(challengeId, RecordKind.CHALLENGE, true, request);
    }

    @PostMapping("/api/challenges/{challengeId}/legal-hold/release")
    ResponseEntity<Map<String, String>> releaseChallenge(@PathVariable String challengeId,
                                                         @Valid @RequestBody HoldRequest request) {
        return hold(challengeId, RecordKind.CHALLENGE, false, request);
    }

    private ResponseEntity<Map<String, String>> hold(String recordId, RecordKind kind, boolean place,
                                                     HoldRequest request) {
        commands.send(place ? new PlaceLegalHold(recordId, kind, request.reason())
                            : new ReleaseLegalHold(recordId, kind, request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(Map.of("recordId", recordId, "legalHold", place ? "placed" : "released"));
    }

    /** Runs the nightly retention job now; the reply lists record ids only. */
    @PostMapping("/api/operations/retention-runs")
    ResponseEntity<RetentionJob.Run> runNow() {
        return ResponseEntity.status(HttpStatus.CREATED).body(job.run(LocalDate.now(ZoneId.of("Europe/London"))));
    }
}
