package school.evidence.command.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStepCheck;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.kernel.monitoring.Specifics;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a monitoring activity found, as recorded and as amended: one shape for both, so an amendment is the record
 * sent again, whole, with a reason. Recording names the {@code type} (and may name the planned monitoring it
 * {@code fulfils}); an amendment keeps both and says why it changes the record.
 *
 * <p>The fields of the activity's own kind go in the one slot named after them ({@code lessonVisit},
 * {@code workScrutiny}...); which slot belongs to which type, and its rules, are the domain's
 * ({@link Specifics.Part}), which names a slot filled that does not belong.
 */
record ActivityRequest(@NotNull(groups = Recording.class)
                       @Null(groups = Amending.class, message = "cannot change: retract the record and record it again")
                       MonitoringType type,
                       @NotNull LocalDate occurredOn,
                       @NotBlank @Size(max = 100) String lead,
                       @Valid Focus focus,
                       List<@NotBlank @Size(max = 4000) String> strengths,
                       List<@NotBlank @Size(max = 4000) String> areasForDevelopment,
                       List<@NotBlank String> actionIds,
                       List<@NotBlank @Size(max = 500) String> evidenceReferences,
                       List<@Valid ProposedStep> nextSteps,
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
                       @Null(groups = Amending.class, message = "cannot change: retract the record and record it again")
                       String fulfils,
                       @NotBlank(groups = Amending.class)
                       @Null(groups = Recording.class, message = "is given only when amending a record")
                       @Size(max = 2000) String reason) {

    /** Checks that apply when an activity is first recorded. */
    interface Recording {
    }

    /** Checks that apply when a recorded activity is amended. */
    interface Amending {
    }

    record Focus(@Size(max = 100) String subject, List<@NotBlank @Size(max = 20) String> yearGroups,
                 Set<PupilGroup> pupilGroups) {
    }

    record ProposedStep(@Size(max = 100) String stepId, @NotBlank @Size(max = 2000) String text,
                        @NotBlank @Size(max = 100) String owner, @NotNull LocalDate dueOn) {
    }

    MonitoringDetails details() {
        return new MonitoringDetails(
                occurredOn, lead,
                focus == null ? null : new MonitoringDetails.Focus(focus.subject(), focus.yearGroups(),
                                                                   focus.pupilGroups()),
                strengths, areasForDevelopment, actionIds, evidenceReferences,
                nextSteps == null ? List.of()
                        : nextSteps.stream().map(s -> new NextStep(s.stepId(), s.text(), s.owner(), s.dueOn())).toList(),
                nextStepChecks, Boolean.TRUE.equals(confidential),
                new Specifics(lessonVisit, learningWalk, workScrutiny, pupilVoice, progressMeeting, deepDive,
                              governorVisit, externalReview, dataAnalysis, moderation));
    }
}
