package school.evidence.kernel.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A school's half-term dates for one academic year (academies set their own). Answers the calendar questions the
 * plan's flags need: has a half-term ended, and how many school weeks lie between two dates.
 */
public record SchoolCalendar(String academicYear, Map<HalfTerm, Term> halfTerms) {

    /** First and last teaching day of a half-term, inclusive. */
    public record Term(LocalDate start, LocalDate end) {
    }

    public SchoolCalendar {
        halfTerms = Map.copyOf(halfTerms);
    }

    /**
     * @return null if the calendar is complete and consistent; otherwise what is wrong, naming the half-term
     */
    public String problem() {
        if (!AcademicYear.isValid(academicYear)) {
            return "academicYear must look like 2023-24";
        }
        int startYear = Integer.parseInt(academicYear.substring(0, 4));
        LocalDate yearStart = LocalDate.of(startYear, 8, 1);
        LocalDate yearEnd = LocalDate.of(startYear + 1, 8, 31);
        LocalDate previousEnd = null;
        for (HalfTerm h : HalfTerm.values()) {
            Term term = halfTerms.get(h);
            if (term == null || term.start() == null || term.end() == null) {
                return h + " needs a start and an end date";
            }
            if (term.end().isBefore(term.start())) {
                return h + " ends before it starts";
            }
            if (term.start().isBefore(yearStart) || term.end().isAfter(yearEnd)) {
                return h + " falls outside the academic year " + academicYear;
            }
            if (previousEnd != null && !term.start().isAfter(previousEnd)) {
                return h + " must start after the previous half-term ends";
            }
            previousEnd = term.end();
        }
        return null;
    }

    public boolean hasEnded(HalfTerm halfTerm, LocalDate on) {
        Term term = halfTerms.get(halfTerm);
        return term != null && term.end().isBefore(on);
    }

    /** The half-term a date falls in, or null in a holiday. */
    public HalfTerm halfTermOf(LocalDate date) {
        for (Map.Entry<HalfTerm, Term> e : new EnumMap<>(halfTerms).entrySet()) {
            if (!date.isBefore(e.getValue().start()) && !date.isAfter(e.getValue().end())) {
                return e.getKey();
            }
        }
        return null;
    }

    public LocalDate firstDay() {
        return halfTerms.get(HalfTerm.AUTUMN_1).start();
    }

    /** Weekdays inside half-terms strictly after {@code from} up to and including {@code to}. */
    public int schoolDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && halfTermOf(d) != null) {
                days++;
            }
        }
        return days;
    }

    /** School weeks (five school days each) between two dates; holidays do not count. */
    public double schoolWeeksBetween(LocalDate from, LocalDate to) {
        return schoolDaysBetween(from, to) / 5.0;
    }
}
