package school.evidence.kernel.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * What a monitoring activity found. Recorded once and replaced whole by each amendment, so every version stays
 * readable in the ledger.
 *
 * @param occurredOn          the date it happened, in the school's calendar (not when it was recorded)
 * @param lead                who led it (a role or initials, e.g. DHT)
 * @param focus               subject and year groups looked at
 * @param actionIds           the plan actions it is evidence for
 */
public record MonitoringDetails(LocalDate occurredOn, String lead, Focus focus, List<String> strengths,
                                List<String> areasForDevelopment, List<String> actionIds) {

    public record Focus(String subject, List<String> yearGroups) {
    }
}
