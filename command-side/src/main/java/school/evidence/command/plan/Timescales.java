package school.evidence.command.plan;

import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.plan.Timescale.Milestone;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules of an action's timescale: an end after its start, or ongoing; milestones dated inside the span. */
final class Timescales {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final int MAX_MILESTONES = 40;

    private Timescales() {
    }

    /** The timescale as it will be stored: null when it says nothing; refused, naming the field, when it is wrong. */
    static Timescale checked(Timescale t) {
        if (t == null || (t.startsOn() == null && t.endsOn() == null && !t.ongoing() && t.milestones().isEmpty())) {
            return null;
        }
        if (t.ongoing() && t.endsOn() != null) {
            throw Rejection.invalid("timescale.endsOn", "An ongoing action has no end date: give one or the other");
        }
        if (t.startsOn() != null && t.endsOn() != null && t.endsOn().isBefore(t.startsOn())) {
            throw Rejection.invalid("timescale.endsOn", "The action ends on " + DAY.format(t.endsOn())
                    + ", before it starts on " + DAY.format(t.startsOn()));
        }
        if (t.milestones().size() > MAX_MILESTONES) {
            throw Rejection.invalid("timescale.milestones", "An action has at most " + MAX_MILESTONES + " milestones");
        }
        List<Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < t.milestones().size(); i++) {
            milestones.add(checked(t.milestones().get(i), "timescale.milestones[" + i + "].", t));
        }
        milestones.sort(java.util.Comparator.comparing(Milestone::dueOn));
        return new Timescale(t.startsOn(), t.endsOn(), t.ongoing(), milestones);
    }

    private static Milestone checked(Milestone m, String field, Timescale span) {
        if (m == null || m.dueOn() == null) {
            throw Rejection.invalid(field + "dueOn", "A milestone needs the date it is due");
        }
        if (m.title() == null || m.title().isBlank() || m.title().length() > 500) {
            throw Rejection.invalid(field + "title", "A milestone needs a title of at most 500 characters");
        }
        LocalDate due = m.dueOn();
        if ((span.startsOn() != null && due.isBefore(span.startsOn()))
                || (span.endsOn() != null && due.isAfter(span.endsOn()))) {
            throw Rejection.invalid(field + "dueOn", "The milestone is due on " + DAY.format(due)
                    + ", outside the action's span (" + describe(span) + ")");
        }
        List<String> criteria = m.criteria().stream().map(c -> c == null ? "" : c.strip()).toList();
        if (criteria.stream().anyMatch(c -> c.isEmpty() || c.length() > 2000) || criteria.size() > 20) {
            throw Rejection.invalid(field + "criteria", "Each of a milestone's criteria (at most 20) needs words, "
                    + "at most 2,000 characters");
        }
        return new Milestone(due, m.title().strip(), criteria);
    }

    private static String describe(Timescale t) {
        String from = t.startsOn() == null ? "from the start" : "from " + DAY.format(t.startsOn());
        String to = t.ongoing() ? "ongoing" : t.endsOn() == null ? "no end given" : "to " + DAY.format(t.endsOn());
        return from + ", " + to;
    }
}
