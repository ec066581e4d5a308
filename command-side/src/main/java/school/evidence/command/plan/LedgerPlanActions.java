package school.evidence.command.plan;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the plan's stream straight from the ledger (consistent, and without locking the plan). */
@Component
class LedgerPlanActions implements PlanActions {

    private final EventStore eventStore;

    LedgerPlanActions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Set<String>> actionsOf(String planId) {
        Set<String> actions = new HashSet<>();
        boolean[] exists = {false};
        eventStore.readEvents(planId).asStream().forEach(event -> {
            exists[0] = true;
            if (event.getPayload() instanceof ActionAdded added) {
                actions.add(added.actionId());
            }
        });
        return exists[0] ? Optional.of(actions) : Optional.empty();
    }
}
