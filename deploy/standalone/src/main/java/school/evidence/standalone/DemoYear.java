package school.evidence.standalone;

import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * The school year the demo school lives in: the academic year containing today, with half-term dates that fall on
 * the same weekdays as a typical north-east England local-authority calendar (2023-24's, moved by whole weeks). Dates
 * "some days ago" never leave the year or pass today, so everything the demo records is allowed on any day.
 */
record DemoYear(String academicYear, SchoolCalendar calendar, LocalDate today) {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    /** The half-terms of 2023-24 the others are moved from. */
    private static final Map<HalfTerm, SchoolCalendar.Term> MODEL = Map.of(
            HalfTerm.AUTUMN_1, term(2023, 9, 5, 2023, 10, 20), HalfTerm.AUTUMN_2, term(2023, 10, 30, 2023, 12, 19),
            HalfTerm.SPRING_1, term(2024, 1, 4, 2024, 2, 9), HalfTerm.SPRING_2, term(2024, 2, 19, 2024, 3, 28),
            HalfTerm.SUMMER_1, term(2024, 4, 15, 2024, 5, 24), HalfTerm.SUMMER_2, term(2024, 6, 3, 2024, 7, 19));

    static DemoYear now() {
        return of(LocalDate.now(SCHOOL_ZONE));
    }

    /** A fixed day, which must not be in the future: monitoring cannot be recorded ahead of time. */
    static DemoYear pinned(LocalDate day) {
        if (day.isAfter(LocalDate.now(SCHOOL_ZONE))) {
            throw new IllegalArgumentException("evidence.demo.today " + day + " is in the future");
        }
        return of(day);
    }

    static DemoYear of(LocalDate today) {
        String year = AcademicYear.containing(today);
        return new DemoYear(year, calendar(year), today);
    }

    /** Half-term dates for any academic year, e.g. {@code 2026-27}. */
    static SchoolCalendar calendar(String academicYear) {
        int startYear = Integer.parseInt(academicYear.substring(0, 4));
        long weeks = Math.round((startYear - 2023) * 365.25 / 7);
        Map<HalfTerm, SchoolCalendar.Term> terms = new EnumMap<>(HalfTerm.class);
        MODEL.forEach((h, t) -> terms.put(h, new SchoolCalendar.Term(t.start().plusWeeks(weeks),
                                                                       t.end().plusWeeks(weeks))));
        return new SchoolCalendar(academicYear, terms);
    }

    /** {@code days} before today, but not before 1 September of this year. */
    LocalDate daysAgo(int days) {
        LocalDate first = LocalDate.of(Integer.parseInt(academicYear.substring(0, 4)), 9, 1);
        LocalDate day = today.minusDays(days);
        return day.isBefore(first) ? first : day;
    }

    /** The half-term a day falls in; in a holiday, the one just ended (Autumn 1 before term starts). */
    HalfTerm halfTermOf(LocalDate day) {
        HalfTerm found = HalfTerm.AUTUMN_1;
        for (HalfTerm h : HalfTerm.values()) {
            if (!calendar.halfTerms().get(h).start().isAfter(day)) {
                found = h;
            }
        }
        return found;
    }

    HalfTerm current() {
        return halfTermOf(today);
    }

    /** The half-term after this one (Summer 2 has none, so stays). */
    HalfTerm next() {
        HalfTerm now = current();
        return now == HalfTerm.SUMMER_2 ? now : HalfTerm.values()[now.ordinal() + 1];
    }

    private static SchoolCalendar.Term term(int y1, int m1, int d1, int y2, int m2, int d2) {
        return new SchoolCalendar.Term(LocalDate.of(y1, m1, d1), LocalDate.of(y2, m2, d2));
    }
}
