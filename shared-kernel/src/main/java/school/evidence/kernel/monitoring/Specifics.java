package school.evidence.kernel.monitoring;

import school.evidence.kernel.Rejection;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fields particular to each kind of monitoring: one {@link Part} per kind, each with its own rules. An activity
 * carries at most one part, the one its type names ({@link MonitoringType#ownFields()}); some types must carry it.
 * This record is the form parts travel and are stored in (one slot per kind, the others null), so events recorded
 * before parts had rules of their own read unchanged.
 */
public record Specifics(LessonVisit lessonVisit, LearningWalk learningWalk, WorkScrutiny workScrutiny,
                        PupilVoice pupilVoice, ProgressMeeting progressMeeting, DeepDive deepDive,
                        GovernorVisit governorVisit, ExternalReview externalReview, DataAnalysis dataAnalysis,
                        Moderation moderation) {

    public static final Specifics NONE = new Specifics(null, null, null, null, null, null, null, null, null, null);

    /** The fields of one kind of monitoring. */
    public sealed interface Part permits LessonVisit, LearningWalk, WorkScrutiny, PupilVoice, ProgressMeeting,
            DeepDive, GovernorVisit, ExternalReview, DataAnalysis, Moderation {

        /** Its name in a request and in the stored record, e.g. {@code lessonVisit}. */
        String field();

        /** What these fields alone must satisfy; checks against other records are the aggregate's. */
        default void check() {
        }
    }

    /** Carries one part (or none, for null). */
    public static Specifics of(Part part) {
        return new Specifics(part instanceof LessonVisit p ? p : null, part instanceof LearningWalk p ? p : null,
                             part instanceof WorkScrutiny p ? p : null, part instanceof PupilVoice p ? p : null,
                             part instanceof ProgressMeeting p ? p : null, part instanceof DeepDive p ? p : null,
                             part instanceof GovernorVisit p ? p : null, part instanceof ExternalReview p ? p : null,
                             part instanceof DataAnalysis p ? p : null, part instanceof Moderation p ? p : null);
    }

    /** The parts given, in the order of the slots. */
    public List<Part> given() {
        return Stream.<Part>of(lessonVisit, learningWalk, workScrutiny, pupilVoice, progressMeeting, deepDive,
                               governorVisit, externalReview, dataAnalysis, moderation)
                     .filter(java.util.Objects::nonNull).toList();
    }

    public enum VisitKind { OBSERVATION, DROP_IN }

    public enum ReviewerKind { LA_ADVISER, TRUST_OFFICER, PEER_TRIAD }

    /**
     * @param teacher       the teacher seen (personal data: mark the record confidential for developmental notes)
     * @param teacherUserId the teacher's sign-in id (e.g. their school email): the one identity, besides senior
     *                      leaders, that may read confidential notes about them. Never matched on a name.
     */
    public record LessonVisit(VisitKind kind, String className, String teacher, String teacherUserId) implements Part {
        public LessonVisit(VisitKind kind, String className, String teacher) {
            this(kind, className, teacher, null);
        }

        public String field() {
            return "lessonVisit";
        }
    }

    public record LearningWalk(List<String> classesVisited) implements Part {
        public String field() {
            return "learningWalk";
        }
    }

    /** Book (work) or planning scrutiny: how many books or plans were sampled, and from which groups. */
    public record WorkScrutiny(Integer sampleSize, Map<PupilGroup, Integer> sampleByGroup) implements Part {
        public String field() {
            return "workScrutiny";
        }

        @Override
        public void check() {
            atLeastOne(sampleSize, "workScrutiny.sampleSize");
            if (sampleByGroup != null && sampleByGroup.values().stream().anyMatch(n -> n == null || n < 0)) {
                throw Rejection.invalid("workScrutiny.sampleByGroup", "Counts cannot be negative");
            }
        }
    }

    /** No pupil names: year groups are in the focus, the number of pupils here. */
    public record PupilVoice(Integer numberOfPupils, List<String> questionsAsked, List<String> whatPupilsSaid)
            implements Part {
        public String field() {
            return "pupilVoice";
        }

        @Override
        public void check() {
            atLeastOne(numberOfPupils, "pupilVoice.numberOfPupils");
        }
    }

    public record ProgressMeeting(String className, Map<PupilGroup, Integer> pupilsDiscussedByGroup,
                                  List<String> barriers, List<String> interventionsAgreed) implements Part {
        public String field() {
            return "progressMeeting";
        }

        @Override
        public void check() {
            given(className, "progressMeeting.className");
        }
    }

    /** One subject's deep dive, bundling its lesson visits, scrutinies and pupil voice. */
    public record DeepDive(List<String> bundledActivityIds) implements Part {
        public String field() {
            return "deepDive";
        }
    }

    /** A link governor's visit; its purpose is linked to a priority of the plan. */
    public record GovernorVisit(String governor, String purpose, String priorityCode) implements Part {
        public String field() {
            return "governorVisit";
        }

        @Override
        public void check() {
            given(governor, "governorVisit.governor");
            given(purpose, "governorVisit.purpose");
        }
    }

    public record ExternalReview(ReviewerKind reviewerKind, String reviewer, String organisation) implements Part {
        public String field() {
            return "externalReview";
        }

        @Override
        public void check() {
            if (reviewerKind == null) {
                throw Rejection.invalid("externalReview.reviewerKind", "externalReview.reviewerKind is required");
            }
        }
    }

    public record DataAnalysis(String dataset, String period) implements Part {
        public String field() {
            return "dataAnalysis";
        }
    }

    public record Moderation(List<String> partnerSchools) implements Part {
        public String field() {
            return "moderation";
        }
    }

    private static void atLeastOne(Integer n, String field) {
        if (n == null || n < 1) {
            throw Rejection.invalid(field, field + " must be at least 1");
        }
    }

    private static void given(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Rejection.invalid(field, field + " must not be blank");
        }
    }
}
