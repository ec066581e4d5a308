package school.evidence.command.trustplan;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPlanCreated;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPriorityAdded;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the trust plan's own stream from the ledger: consistent, and without locking the plan. */
@Component
class LedgerTrustPlanLookup implements TrustPlanLookup {

    private final EventStore eventStore;

    LedgerTrustPlanLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Facts> find(String trustPlanId) {
        String[] trustId = {null};
        Set<String> priorities = new HashSet<>();
        eventStore.readEvents(trustPlanId).asStream().forEach(event -> {
            if (event.getPayload() instanceof TrustPlanCreated created) {
                trustId[0] = created.trustId();
            } else if (event.getPayload() instanceof TrustPriorityAdded priority) {
                priorities.add(priority.code());
            }
        });
        return trustId[0] == null ? Optional.empty() : Optional.of(new Facts(trustId[0], Set.copyOf(priorities)));
    }
}
