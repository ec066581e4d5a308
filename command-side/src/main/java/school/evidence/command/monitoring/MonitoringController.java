package school.evidence.command.monitoring;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStepCheck;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.kernel.school.Urn;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

    record FocusRequest(@Size(max = 100) String subject, List<@NotBlank @Size(max = 20) String> yearGroups,
                        Set<PupilGroup> pupilGroups) {
    }

    record NextStepRequest(@Size(max = 100) String stepId, @NotBlank @Size(max = 2000) String text,
                           @NotBlank @Size(max = 100) String owner, @NotNull LocalDate dueOn) {
    }

    record RecordRequest(@NotNull MonitoringType type,
                         @NotNull LocalDate occurredOn,
                         @NotBlank @Size(max = 100) String lead,
                         @Valid FocusRequest focus,
                         List<@NotBlank @Size(max = 4000) String> strengths,
                         List<@NotBlank @Size(max = 4000) String> areasForDevelopment,
                         List<@NotBlank String> actionIds,
                         List<@NotBlank @Size(max = 500) String> evidenceReferences,
                         List<@Valid NextStepRequest> nextSteps,
                         List<@Valid NextStepCheck> nextStepChecks,
                         Boolean confidential,
                         Specifics.LessonVisit lessonVisit,
                         Specifics.LearningWalk learningWalk,
                         Specifics.WorkScrutiny workScrutiny,
                         Specifics.PupilVoice pupilVoice,
                         Specifics.ProgressMeeting progressMeeting,
                         Specifics.DeepDive deepDive,
                         Specifics.GovernorVisit governorVisit,
                         Specifics.ExternalReview externalReview,
                         Specifics.DataAnalysis dataAnalysis,
                         Specifics.Moderation moderation,
                         String fulfils) {
        MonitoringDetails details() {
            return MonitoringController.details(occurredOn, lead, focus, strengths, areasForDevelopment, actionIds,
                                                evidenceReferences, nextSteps, nextStepChecks, confidential,
                                                new Specifics(lessonVisit, learningWalk, workScrutiny, pupilVoice,
                                                              progressMeeting, deepDive, governorVisit,
                                                              externalReview, dataAnalysis, moderation));
        }
    }

    record AmendRequest(@NotNull LocalDate occurredOn,
                        @NotBlank @Size(max = 100) String lead,
                        @Valid FocusRequest focus,
                        List<@NotBlank @Size(max = 4000) String> strengths,
                        List<@NotBlank @Size(max = 4000) String> areasForDevelopment,
                        List<@NotBlank String> actionIds,
                        List<@NotBlank @Size(max = 500) String> evidenceReferences,
                        List<@Valid NextStepRequest> nextSteps,
                        List<@Valid NextStepCheck> nextStepChecks,
                        Boolean confidential,
                        Specifics.LessonVisit lessonVisit,
                        Specifics.LearningWalk learningWalk,
                        Specifics.WorkScrutiny workScrutiny,
                        Specifics.PupilVoice pupilVoice,
                        Specifics.ProgressMeeting progressMeeting,
                        Specifics.DeepDive deepDive,
                        Specifics.GovernorVisit governorVisit,
                        Specifics.ExternalReview externalReview,
                        Specifics.DataAnalysis dataAnalysis,
                        Specifics.Moderation moderation,
                        @NotBlank @Size(max = 2000) String reason) {
        MonitoringDetails details() {
            return MonitoringController.details(occurredOn, lead, focus, strengths, areasForDevelopment, actionIds,
                                                evidenceReferences, nextSteps, nextStepChecks, confidential,
                                                new Specifics(lessonVisit, learningWalk, workScrutiny, pupilVoice,
                                                              progressMeeting, deepDive, governorVisit,
                                                              externalReview, dataAnalysis, moderation));
        }
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
    ResponseEntity<ActivityWritten> record(@PathVariable String urn, @Valid @RequestBody RecordRequest request) {
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
        boolean allowed = caller.has(Role.SENIOR_LEADER) || caller.has(Role.SUBJECT_LEADER)
                || (caller.has(Role.GOVERNOR) && type == MonitoringType.GOVERNOR_VISIT)
                || (caller.has(Role.TRUST_OFFICER) && type == MonitoringType.EXTERNAL_REVIEW);
        if (!allowed) {
            throw new AccessDeniedException("Your role may not record " + type);
        }
    }

    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS,
             scope = ScopeKind.RECORD, variable = "activityId", record = "MonitoringActivity")
    @PostMapping("/api/monitoring/{activityId}/amendments")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActivityAmended> amend(@PathVariable String activityId,
                                              @Valid @RequestBody AmendRequest request) {
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

    private static MonitoringDetails details(LocalDate occurredOn, String lead, FocusRequest focus,
                                             List<String> strengths, List<String> areas, List<String> actionIds,
                                             List<String> evidence, List<NextStepRequest> nextSteps,
                                             List<NextStepCheck> checks, Boolean confidential, Specifics specifics) {
        return new MonitoringDetails(
                occurredOn, lead,
                focus == null ? null : new MonitoringDetails.Focus(focus.subject(), focus.yearGroups(),
                                                                   focus.pupilGroups()),
                strengths, areas, actionIds, evidence,
                nextSteps == null ? List.of() : nextSteps.stream()
                                                         .map(s -> new NextStep(s.stepId(), s.text(), s.owner(), s.dueOn()))
                                                         .toList(),
                checks, Boolean.TRUE.equals(confidential), specifics);
    }
}
