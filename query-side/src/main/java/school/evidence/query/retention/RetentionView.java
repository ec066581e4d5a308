package school.evidence.query.retention;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A school's retention at a glance: the periods in force (years by record type), the records on legal hold, those
 * whose period ends within a year of {@code today}, and what the retention job has shredded (newest first).
 */
public record RetentionView(String schoolUrn, LocalDate today, Map<String, Integer> yearsByRecordType,
                            List<Retained> onHold, List<Retained> dueWithinAYear, long shreddedCount,
                            List<Retained> recentlyShredded) {

    /**
     * One record with a retention period. Only what applies is present: a hold's reason and time when held,
     * {@code held} on the due list, {@code shreddedAt} once shredded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Retained(String recordId, String kind, String recordType, LocalDate madeOn, String retainedUntil,
                           String shreddedAt, String holdReason, String heldAt, Boolean held) {
    }
}
