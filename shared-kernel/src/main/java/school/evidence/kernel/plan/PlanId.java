package school.evidence.kernel.plan;

/**
 * A school has one improvement plan per academic year, so the plan's id is that natural key, e.g.
 * {@code 108520-2023-24}. Registering a second plan for the same year is then a duplicate by construction, and
 * monitoring can find the plan its actions belong to from the school and the date it happened.
 */
public final class PlanId {
    private PlanId() {
    }

    public static String of(String urn, String academicYear) {
        return urn + "-" + academicYear;
    }
}
