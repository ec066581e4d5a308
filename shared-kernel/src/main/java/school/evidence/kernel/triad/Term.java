package school.evidence.kernel.triad;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The three terms of an English school year, on which a triad's rota turns. Schools set their own dates; these are the
 * widest common bounds (a spring term ends by the Easter holiday, at the latest mid-April), used only to say whether a
 * review is due yet or overdue.
 */
public enum Term {
    AUTUMN(MonthDay.of(9, 1), MonthDay.of(12, 31), 0),
    SPRING(MonthDay.of(1, 1), MonthDay.of(4, 14), 1),
    SUMMER(MonthDay.of(4, 15), MonthDay.of(7, 31), 1);

    private final MonthDay start;
    private final MonthDay end;
    private final int yearOffset;

    Term(MonthDay start, MonthDay end, int yearOffset) {
        this.start = start;
        this.end = end;
        this.yearOffset = yearOffset;
    }

    /** @param academicYear e.g. {@code 2025-26}: its autumn is in 2025, its spring and summer in 2026 */
    public LocalDate startsOn(String academicYear) {
        return start.atYear(firstYear(academicYear) + yearOffset);
    }

    public LocalDate endsOn(String academicYear) {
        return end.atYear(firstYear(academicYear) + yearOffset);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase() + " term";
    }

    private static int firstYear(String academicYear) {
        return Integer.parseInt(academicYear.substring(0, 4));
    }
}
