package school.evidence.kernel.monitoring;

/** Kinds of monitoring (DESIGN.md section 3). Each has the fields it really has in {@link Specifics}. */
public enum MonitoringType {
    LESSON_VISIT, LEARNING_WALK, BOOK_SCRUTINY, PLANNING_SCRUTINY, PUPIL_VOICE, PUPIL_PROGRESS_MEETING,
    DEEP_DIVE, DATA_ANALYSIS, GOVERNOR_VISIT, EXTERNAL_REVIEW, MODERATION
}
