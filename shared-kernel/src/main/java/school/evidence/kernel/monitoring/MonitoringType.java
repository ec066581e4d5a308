package school.evidence.kernel.monitoring;

/**
 * Kinds of monitoring (docs/product.md, "The school's language"), each with the name of the fields it really has
 * ({@link Specifics.Part}) and whether a record of it must carry them.
 */
public enum MonitoringType {
    LESSON_VISIT("lessonVisit", false),
    LEARNING_WALK("learningWalk", false),
    BOOK_SCRUTINY("workScrutiny", true),
    PLANNING_SCRUTINY("workScrutiny", true),
    PUPIL_VOICE("pupilVoice", true),
    PUPIL_PROGRESS_MEETING("progressMeeting", true),
    DEEP_DIVE("deepDive", true),
    DATA_ANALYSIS("dataAnalysis", false),
    GOVERNOR_VISIT("governorVisit", true),
    EXTERNAL_REVIEW("externalReview", true),
    MODERATION("moderation", false);

    private final String ownFields;
    private final boolean fieldsRequired;

    MonitoringType(String ownFields, boolean fieldsRequired) {
        this.ownFields = ownFields;
        this.fieldsRequired = fieldsRequired;
    }

    /** The {@link Specifics.Part#field()} that belongs on this kind. */
    public String ownFields() {
        return ownFields;
    }

    public boolean fieldsRequired() {
        return fieldsRequired;
    }
}
