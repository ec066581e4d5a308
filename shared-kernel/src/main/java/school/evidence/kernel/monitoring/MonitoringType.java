package school.evidence.kernel.monitoring;

/** Kinds of monitoring (docs/product.md, "The school's language"). Each has the fields it really has in {@link Specifics}. */
public enum MonitoringType {
    LESSON_VISIT, LEARNING_WALK, BOOK_SCRUTINY, PLANNING_SCRUTINY, PUPIL_VOICE, PUPIL_PROGRESS_MEETING,
    DEEP_DIVE, DATA_ANALYSIS, GOVERNOR_VISIT, EXTERNAL_REVIEW, MODERATION
}
