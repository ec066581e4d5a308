package school.evidence.kernel.monitoring;

import java.util.List;
import java.util.Map;

/**
 * The fields particular to each kind of monitoring. Exactly the part that matches the activity's type may be
 * filled (and for some types must be); the others stay null.
 */
public record Specifics(LessonVisit lessonVisit, LearningWalk learningWalk, WorkScrutiny workScrutiny,
                        PupilVoice pupilVoice, ProgressMeeting progressMeeting, DeepDive deepDive,
                        GovernorVisit governorVisit, ExternalReview externalReview, DataAnalysis dataAnalysis,
                        Moderation moderation) {

    public static final Specifics NONE = new Specifics(null, null, null, null, null, null, null, null, null, null);

    public enum VisitKind { OBSERVATION, DROP_IN }

    public enum ReviewerKind { LA_ADVISER, TRUST_OFFICER, PEER_TRIAD }

    /**
     * @param teacher       the teacher seen (personal data: mark the record confidential for developmental notes)
     * @param teacherUserId the teacher's sign-in id (e.g. their school email): the one identity, besides senior
     *                      leaders, that may read confidential notes about them. Never matched on a name.
     */
    public record LessonVisit(VisitKind kind, String className, String teacher, String teacherUserId) {
        public LessonVisit(VisitKind kind, String className, String teacher) {
            this(kind, className, teacher, null);
        }
    }

    public record LearningWalk(List<String> classesVisited) {
    }

    /** Book (work) or planning scrutiny: how many books or plans were sampled, and from which groups. */
    public record WorkScrutiny(Integer sampleSize, Map<PupilGroup, Integer> sampleByGroup) {
    }

    /** No pupil names: year groups are in the focus, the number of pupils here. */
    public record PupilVoice(Integer numberOfPupils, List<String> questionsAsked, List<String> whatPupilsSaid) {
    }

    public record ProgressMeeting(String className, Map<PupilGroup, Integer> pupilsDiscussedByGroup,
                                  List<String> barriers, List<String> interventionsAgreed) {
    }

    /** One subject's deep dive, bundling its lesson visits, scrutinies and pupil voice. */
    public record DeepDive(List<String> bundledActivityIds) {
    }

    /** A link governor's visit; its purpose is linked to a priority of the plan. */
    public record GovernorVisit(String governor, String purpose, String priorityCode) {
    }

    public record ExternalReview(ReviewerKind reviewerKind, String reviewer, String organisation) {
    }

    public record DataAnalysis(String dataset, String period) {
    }

    public record Moderation(List<String> partnerSchools) {
    }
}
