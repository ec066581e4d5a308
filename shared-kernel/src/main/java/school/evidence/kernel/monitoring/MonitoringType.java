package school.evidence.kernel.monitoring;

/** Kinds of monitoring a leader records. Further kinds (deep dive, governor visit, ...) come with their fields. */
public enum MonitoringType {
    LESSON_VISIT, LEARNING_WALK, BOOK_SCRUTINY, PLANNING_SCRUTINY, PUPIL_VOICE, PUPIL_PROGRESS_MEETING
}
