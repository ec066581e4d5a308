package school.evidence.command.monitoring;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;

import java.util.Optional;

/** Reads the activity's stream straight from the ledger (consistent, and without locking it). */
@Component
class LedgerMonitoringRecords implements MonitoringRecords {

    private final EventStore eventStore;

    LedgerMonitoringRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Facts> find(String activityId) {
        Facts[] facts = {null};
        eventStore.readEvents(activityId).asStream().forEach(event -> {
            if (event.getPayload() instanceof MonitoringActivityRecorded recorded) {
                facts[0] = new Facts(recorded.schoolUrn(), false);
            } else if (event.getPayload() instanceof MonitoringActivityRetracted && facts[0] != null) {
                facts[0] = new Facts(facts[0].schoolUrn(), true);
            }
        });
        return Optional.ofNullable(facts[0]);
    }
}
