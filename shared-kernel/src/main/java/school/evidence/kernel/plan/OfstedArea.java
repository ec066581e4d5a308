package school.evidence.kernel.plan;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Areas a plan section links to, under the 2019 Education Inspection Framework (judgements) or the renewed
 * framework from November 2025 (report-card evaluation areas). Early years and sixth form exist in both.
 * <p>
 * {@link #under(Framework)} maps between the two, so evidence tagged under one framework reads under the other
 * without any event being rewritten: the mapping is applied when reading.
 */
public enum OfstedArea {
    // EIF 2019 judgements
    QUALITY_OF_EDUCATION(Framework.EIF_2019),
    BEHAVIOUR_AND_ATTITUDES(Framework.EIF_2019),
    PERSONAL_DEVELOPMENT(Framework.EIF_2019),
    LEADERSHIP_AND_MANAGEMENT(Framework.EIF_2019),
    // renewed framework (report card), November 2025
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

    public boolean belongsTo(Framework target) {
        return framework == Framework.BOTH || framework == target;
    }

    /** The areas of the target framework this area corresponds to (itself if it already belongs there). */
    public Set<OfstedArea> under(Framework target) {
        if (belongsTo(target)) {
            return EnumSet.of(this);
        }
        return switch (this) {
            case QUALITY_OF_EDUCATION -> EnumSet.of(CURRICULUM_AND_TEACHING, ACHIEVEMENT);
            case BEHAVIOUR_AND_ATTITUDES -> EnumSet.of(ATTENDANCE_AND_BEHAVIOUR);
            case PERSONAL_DEVELOPMENT -> EnumSet.of(PERSONAL_DEVELOPMENT_AND_WELLBEING);
            case LEADERSHIP_AND_MANAGEMENT -> EnumSet.of(LEADERSHIP_AND_GOVERNANCE, INCLUSION);
            case CURRICULUM_AND_TEACHING, ACHIEVEMENT -> EnumSet.of(QUALITY_OF_EDUCATION);
            case INCLUSION -> EnumSet.of(QUALITY_OF_EDUCATION, LEADERSHIP_AND_MANAGEMENT);
            case ATTENDANCE_AND_BEHAVIOUR -> EnumSet.of(BEHAVIOUR_AND_ATTITUDES);
            case PERSONAL_DEVELOPMENT_AND_WELLBEING -> EnumSet.of(PERSONAL_DEVELOPMENT);
            case LEADERSHIP_AND_GOVERNANCE -> EnumSet.of(LEADERSHIP_AND_MANAGEMENT);
            case EARLY_YEARS, SIXTH_FORM -> EnumSet.of(this);
        };
    }

    public static Set<OfstedArea> under(Collection<OfstedArea> areas, Framework target) {
        Set<OfstedArea> mapped = EnumSet.noneOf(OfstedArea.class);
        areas.forEach(a -> mapped.addAll(a.under(target)));
        return mapped;
    }
}
