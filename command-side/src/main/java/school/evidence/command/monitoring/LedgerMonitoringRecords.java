package school.evidence.command.monitoring;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * An activity as another record's checks see it: its stream read straight from the ledger (consistent, and without
 * locking the activity) and folded by the activity's own fold, {@link ActivityState}.
 */
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
        ActivityState activity = new ActivityState();
        eventStore.readEvents(activityId).asStream().forEach(event -> activity.apply(event.getPayload()));
        return activity.schoolUrn == null ? Optional.empty() : Optional.of(activity.facts());
    }
}
