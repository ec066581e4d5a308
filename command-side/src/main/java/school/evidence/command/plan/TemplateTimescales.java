package school.evidence.command.plan;

import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.plan.Timescale.Milestone;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template's timescale columns: {@code starts_on} and {@code ends_on} (a date or "ongoing") on an ACTION row, and
 * MILESTONE rows under it ({@code due_on}, the title in {@code text}, {@code criteria} separated by semicolons).
 * Dates as schools write them: 2025-09-01, 01/09/2025 or 1 September 2025.
 */
final class TemplateTimescales {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));

    /** Where a problem is reported: a row and a column. */
    interface Problems {
        void at(int row, String column, String message);
    }

    private record Span(LocalDate startsOn, LocalDate endsOn, boolean ongoing) {
    }

    private final Map<String, Span> spans = new LinkedHashMap<>();
    private final Map<String, List<Milestone>> milestones = new LinkedHashMap<>();

    /** A date cell: null when empty; reported (and null) when it is not a date. */
    static LocalDate date(String cell, int row, String column, Problems problems) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(cell.strip(), format);
            } catch (DateTimeParseException next) {
                // try the next way of writing a date
            }
        }
        problems.at(row, column, "'" + cell + "' is not a date like 2025-09-01 or 1 September 2025");
        return null;
    }

    /** The span of the action on this row (the action's key: section and number). */
    void action(String key, String startsCell, String endsCell, int row, Problems problems) {
        LocalDate starts = date(startsCell, row, "starts_on", problems);
        boolean ongoing = endsCell != null && endsCell.strip().equalsIgnoreCase("ongoing");
        LocalDate ends = ongoing ? null : date(endsCell, row, "ends_on", problems);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            problems.at(row, "ends_on", "The action ends before it starts (" + starts + ")");
        }
        spans.put(key, new Span(starts, ends, ongoing));
    }

    /** A milestone of the action with this key, which must be on an ACTION row above. */
    void milestone(String key, String dueCell, String title, List<String> criteria, int row, Problems problems) {
        LocalDate due = date(dueCell, row, "due_on", problems);
        if (dueCell == null || dueCell.isBlank()) {
            problems.at(row, "due_on", "A MILESTONE row needs the date it is due");
        }
        Span span = spans.get(key);
        if (due == null || span == null) {
            return;
        }
        if ((span.startsOn() != null && due.isBefore(span.startsOn()))
                || (span.endsOn() != null && due.isAfter(span.endsOn()))) {
            problems.at(row, "due_on", "The milestone is due on " + due + ", outside its action's span ("
                    + (span.startsOn() == null ? "start not given" : span.startsOn()) + " to "
                    + (span.ongoing() ? "ongoing" : span.endsOn() == null ? "end not given" : span.endsOn()) + ")");
        }
        milestones.computeIfAbsent(key, k -> new ArrayList<>()).add(new Milestone(due, title, criteria));
    }

    /** The action's timescale, or null when its rows gave none. */
    Timescale of(String key) {
        Span span = spans.get(key);
        List<Milestone> dated = milestones.getOrDefault(key, List.of());
        if ((span == null || (span.startsOn() == null && span.endsOn() == null && !span.ongoing())) && dated.isEmpty()) {
            return null;
        }
        List<Milestone> inOrder = new ArrayList<>(dated);
        inOrder.sort(java.util.Comparator.comparing(Milestone::dueOn));
        return span == null ? new Timescale(null, null, false, inOrder)
                : new Timescale(span.startsOn(), span.endsOn(), span.ongoing(), inOrder);
    }
}
