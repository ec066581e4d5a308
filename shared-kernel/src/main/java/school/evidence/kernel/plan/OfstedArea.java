package school.evidence.kernel.plan;

/**
 * Areas a plan section links to, under the 2019 Education Inspection Framework (judgements) or the renewed
 * framework from November 2025 (report-card evaluation areas). Early years and sixth form exist in both.
 */
public enum OfstedArea {
    // EIF 2019
    QUALITY_OF_EDUCATION(Framework.EIF_2019),
    BEHAVIOUR_AND_ATTITUDES(Framework.EIF_2019),
    PERSONAL_DEVELOPMENT(Framework.EIF_2019),
    LEADERSHIP_AND_MANAGEMENT(Framework.EIF_2019),
    // renewed framework, November 2025
    INCLUSION(Framework.RENEWED_2025),
    CURRICULUM_AND_TEACHING(Framework.RENEWED_2025),
    ACHIEVEMENT(Framework.RENEWED_2025),
    ATTENDANCE_AND_BEHAVIOUR(Framework.RENEWED_2025),
    PERSONAL_DEVELOPMENT_AND_WELLBEING(Framework.RENEWED_2025),
    LEADERSHIP_AND_GOVERNANCE(Framework.RENEWED_2025),
    // both
    EARLY_YEARS(Framework.BOTH),
    SIXTH_FORM(Framework.BOTH);

    public enum Framework { EIF_2019, RENEWED_2025, BOTH }

    private final Framework framework;

    OfstedArea(Framework framework) {
        this.framework = framework;
    }

    public Framework framework() {
        return framework;
    }
}
