package school.evidence.query.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** A plan's monitoring schedule on a day, by half-term, with how many items are in each status. */
public record ScheduleView(String planId, String on, boolean calendarSet, Map<String, Integer> counts,
                           List<Item> items) {

    /**
     * Planned monitoring: {@code PLANNED}, {@code DONE} (carried out by a recorded, unretracted activity),
     * {@code OVERDUE} or {@code CANCELLED}; the activities that carried it out.
     */
    public record Item(String plannedId, String planId, String schoolUrn, boolean cancelled, List<Fulfilment> fulfilledBy,
                       String halfTerm, String type, String subject, List<String> actionIds, String who,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String revisionReason,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String cancellationReason, String status) {
    }

    public record Fulfilment(String activityId, String occurredOn, boolean retracted) {
    }

    /** Which live actions had monitoring evidence between two dates, and how many activities. */
    public record Coverage(String planId, String from, String to, List<Row> uncovered, List<Row> covered,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {
    }

    public record Row(String actionId, String number, String title, long activities) {
    }
}
