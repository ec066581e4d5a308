package school.evidence.kernel.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an action's cost is counted per, as plans state it: "£1,200", "£2,500 per school", "£4,000 a year". The
 * whole cost multiplies by the schools taking part or by the academic years the action runs over.
 */
public enum CostBasis {
    TOTAL, PER_SCHOOL, PER_YEAR;

    /**
     * The whole cost of an action costed this way.
     *
     * @param schools the schools taking part (1 in a school's own plan)
     * @param years   the academic years it runs over (1 when it has no end)
     */
    public BigDecimal whole(BigDecimal amount, int schools, int years) {
        return switch (this) {
            case TOTAL -> amount;
            case PER_SCHOOL -> amount.multiply(BigDecimal.valueOf(schools));
            case PER_YEAR -> amount.multiply(BigDecimal.valueOf(years));
        };
    }

    /**
     * The whole cost of an amount stated on a basis (none: a total) for an action running from {@code start} to
     * {@code end} (either may be unknown) with that many schools taking part; null without an amount.
     */
    public static BigDecimal wholeCost(BigDecimal amount, CostBasis basis, LocalDate start, LocalDate end, int schools) {
        if (amount == null) {
            return null;
        }
        return (basis == null ? TOTAL : basis).whole(amount, schools, yearsSpanned(start, end));
    }

    /** Academic years from the one holding {@code start} to the one holding {@code end}; 1 without both. */
    public static int yearsSpanned(LocalDate start, LocalDate end) {
        if (start == null || end == null || end.isBefore(start)) {
            return 1;
        }
        int first = Integer.parseInt(AcademicYear.containing(start).substring(0, 4));
        int last = Integer.parseInt(AcademicYear.containing(end).substring(0, 4));
        return last - first + 1;
    }
}
