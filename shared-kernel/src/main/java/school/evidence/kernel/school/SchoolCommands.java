package school.evidence.kernel.school;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import school.evidence.kernel.plan.SchoolCalendar;

public final class SchoolCommands {
    private SchoolCommands() {
    }

    /** Sets (or corrects) the school's half-term dates for one academic year. */
    public record SetSchoolCalendar(@TargetAggregateIdentifier String urn, SchoolCalendar calendar) {
    }
}
