package school.evidence.command.monitoring;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the activity's stream straight from the ledger (consistent, and without locking it). */
@Component
class LedgerMonitoringRecords implements MonitoringRecords {

    private final EventStore eventStore;

    LedgerMonitoringRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Facts> find(String activityId) {
        if (activityId == null || activityId.isBlank()) {
            return Optional.empty();
        }
        Facts[] facts = {null};
        eventStore.readEvents(activityId).asStream().forEach(event -> {
            switch (event.getPayload()) {
                case MonitoringActivityRecorded e -> facts[0] = new Facts(e.schoolUrn(), false, steps(e.details()));
                case MonitoringActivityAmended e -> facts[0] = new Facts(e.schoolUrn(), false, steps(e.details()));
                case MonitoringActivityRetracted e when facts[0] != null ->
                        facts[0] = new Facts(facts[0].schoolUrn(), true, facts[0].nextStepIds());
                default -> {
                }
            }
        });
        return Optional.ofNullable(facts[0]);
    }

    private static Set<String> steps(MonitoringDetails details) {
        return details.nextSteps().stream().map(MonitoringDetails.NextStep::stepId).collect(Collectors.toSet());
    }
}
