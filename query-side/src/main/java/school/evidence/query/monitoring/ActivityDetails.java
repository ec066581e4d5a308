package school.evidence.query.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import school.evidence.kernel.monitoring.Specifics;

import java.util.List;

/**
 * What one version of a monitoring activity found, as its reader may see it. Only the fields of its kind of
 * monitoring are present ({@code lessonVisit}, {@code learningWalk}...). Confidential findings a reader may not see
 * keep only when, who led, the focus and the actions cited, with {@code restricted} saying why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityDetails(String occurredOn, String lead, Focus focus, List<String> strengths,
                              List<String> areasForDevelopment, List<String> actionIds,
                              List<String> evidenceReferences, List<NextStep> nextSteps,
                              List<NextStepCheck> nextStepChecks, Boolean confidential,
                              Specifics.LessonVisit lessonVisit, Specifics.LearningWalk learningWalk,
                              Specifics.WorkScrutiny workScrutiny, Specifics.PupilVoice pupilVoice,
                              Specifics.ProgressMeeting progressMeeting, Specifics.DeepDive deepDive,
                              Specifics.GovernorVisit governorVisit, Specifics.ExternalReview externalReview,
                              Specifics.DataAnalysis dataAnalysis, Specifics.Moderation moderation,
                              String restricted) {

    public record Focus(String subject, List<String> yearGroups, List<String> pupilGroups) {
    }

    public record NextStep(String stepId, String text, String owner, String dueOn) {
    }

    /** A check of an earlier next step; its impact is withheld ({@code restricted}) when that step is confidential. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextStepCheck(String nextStepId, String outcome, String impact, String restricted) {
    }
}
