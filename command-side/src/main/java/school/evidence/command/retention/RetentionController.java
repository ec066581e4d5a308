package school.evidence.command.retention;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionCommands.PlaceLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ReleaseLegalHold;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Legal holds (senior leaders: a complaint, a claim or an investigation needs a record kept past its retention
 * period) and an operator's "run the retention schedule now".
 */
@RestController
@Tag(name = "Personal data")
class RetentionController {

    /** Replies: what each write names (the ledger's receipts are added to them). */
    record LegalHold(String recordId, String legalHold) {
    }

    record HoldRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final RetentionJob job;

    RetentionController(CommandSender commands, RetentionJob job) {
        this.commands = commands;
        this.job = job;
    }

    @Allowed(value = Who.SENIOR_LEADERS,
             scope = ScopeKind.RECORD, variable = "activityId", record = "MonitoringActivity")
    @PostMapping("/api/monitoring/{activityId}/legal-hold")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<LegalHold> holdActivity(@PathVariable String activityId,
                                                     @Valid @RequestBody HoldRequest request) {
        return hold(activityId, RecordKind.MONITORING_ACTIVITY, true, request);
    }

    @Allowed(value = Who.SENIOR_LEADERS,
             scope = ScopeKind.RECORD, variable = "activityId", record = "MonitoringActivity")
    @PostMapping("/api/monitoring/{activityId}/legal-hold/release")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<LegalHold> releaseActivity(@PathVariable String activityId,
                                                        @Valid @RequestBody HoldRequest request) {
        return hold(activityId, RecordKind.MONITORING_ACTIVITY, false, request);
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.RECORD, variable = "challengeId", record = "Challenge")
    @PostMapping("/api/challenges/{challengeId}/legal-hold")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<LegalHold> holdChallenge(@PathVariable String challengeId,
                                                      @Valid @RequestBody HoldRequest request) {
        return hold(challengeId, RecordKind.CHALLENGE, true, request);
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.RECORD, variable = "challengeId", record = "Challenge")
    @PostMapping("/api/challenges/{challengeId}/legal-hold/release")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<LegalHold> releaseChallenge(@PathVariable String challengeId,
                                                         @Valid @RequestBody HoldRequest request) {
        return hold(challengeId, RecordKind.CHALLENGE, false, request);
    }

    private ResponseEntity<LegalHold> hold(String recordId, RecordKind kind, boolean place,
                                                     HoldRequest request) {
        commands.send(place ? new PlaceLegalHold(recordId, kind, request.reason())
                            : new ReleaseLegalHold(recordId, kind, request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(new LegalHold(recordId, place ? "placed" : "released"));
    }

    /** Runs the nightly retention job now; the reply lists record ids only. */
    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/api/operations/retention-runs")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<RetentionJob.Run> runNow() {
        return ResponseEntity.status(HttpStatus.CREATED).body(job.run(LocalDate.now(ZoneId.of("Europe/London"))));
    }
}
