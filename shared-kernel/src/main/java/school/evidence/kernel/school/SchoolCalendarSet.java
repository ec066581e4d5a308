package school.evidence.kernel.school;

import school.evidence.kernel.SchoolEvent;
import school.evidence.kernel.plan.SchoolCalendar;

public record SchoolCalendarSet(String urn, SchoolCalendar calendar) implements SchoolEvent {
    @Override
    public String schoolUrn() {
        return urn;
    }
}
