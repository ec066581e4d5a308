package school.evidence.command.governance;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.governance.GovernanceCommands.AnswerChallenge;
import school.evidence.kernel.governance.GovernanceCommands.CloseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.FollowUpChallenge;
import school.evidence.kernel.governance.GovernanceCommands.MeetingKind;
import school.evidence.kernel.governance.GovernanceCommands.RaiseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.RecordMeeting;
import school.evidence.platform.access.Actor;

import java.time.LocalDate;
import java.util.UUID;

/** Governors raise and follow up challenge; senior leaders answer it. */
@RestController
@Tag(name = "Governance")
class GovernanceController {

    /** Replies: what each write names (the ledger's receipts are added to them). */
    record MeetingRecorded(String meetingId) {
    }

    record ChallengeWritten(String challengeId) {
    }

    record MeetingRequest(@NotNull MeetingKind kind, @Size(max = 200) String committee, @NotNull LocalDate heldOn,
                          @NotBlank @Size(max = 300) String title) {
    }

    record ChallengeRequest(@NotBlank String planId, @Size(max = 10) String priorityCode, String actionId,
                            String meetingId, String visitActivityId, @NotNull LocalDate raisedOn,
                            @NotBlank @Size(max = 100) String raisedBy, @NotBlank @Size(max = 4000) String question) {
    }

    record AnswerRequest(@NotBlank @Size(max = 8000) String answer) {
    }

    record FollowUpRequest(@NotBlank @Size(max = 4000) String followUp, LocalDate dueOn) {
    }

    record CloseRequest(@NotBlank @Size(max = 4000) String whatChanged) {
    }

    private final CommandSender commands;

    GovernanceController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/meetings")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<MeetingRecorded> meeting(@PathVariable String urn, @Valid @RequestBody MeetingRequest request) {
        String meetingId = UUID.randomUUID().toString();
        commands.send(new RecordMeeting(meetingId, urn, request.kind(), request.committee(), request.heldOn(),
                                        request.title()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new MeetingRecorded(meetingId));
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/challenges")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ChallengeWritten> raise(@PathVariable String urn, @Valid @RequestBody ChallengeRequest request) {
        String challengeId = UUID.randomUUID().toString();
        commands.send(new RaiseChallenge(challengeId, urn, request.planId(), request.priorityCode(), request.actionId(),
                                         request.meetingId(), request.visitActivityId(), request.raisedOn(),
                                         request.raisedBy(), request.question()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ChallengeWritten(challengeId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.RECORD, variable = "challengeId", record = "Challenge")
    @PostMapping("/api/challenges/{challengeId}/responses")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ChallengeWritten> answer(@PathVariable String challengeId,
                                               @Valid @RequestBody AnswerRequest request) {
        commands.send(new AnswerChallenge(challengeId, Actor.current().userId(), request.answer()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ChallengeWritten(challengeId));
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS,
             scope = ScopeKind.RECORD, variable = "challengeId", record = "Challenge")
    @PostMapping("/api/challenges/{challengeId}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ChallengeWritten> followUp(@PathVariable String challengeId,
                                                 @Valid @RequestBody FollowUpRequest request) {
        commands.send(new FollowUpChallenge(challengeId, request.followUp(), request.dueOn()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ChallengeWritten(challengeId));
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS,
             scope = ScopeKind.RECORD, variable = "challengeId", record = "Challenge")
    @PostMapping("/api/challenges/{challengeId}/closure")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ChallengeWritten> close(@PathVariable String challengeId,
                                              @Valid @RequestBody CloseRequest request) {
        commands.send(new CloseChallenge(challengeId, request.whatChanged()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ChallengeWritten(challengeId));
    }
}
