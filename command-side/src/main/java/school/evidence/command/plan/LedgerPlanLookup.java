package school.evidence.command.plan;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A plan as another record's checks see it: its stream read straight from the ledger (consistent, and without
 * locking the plan) and folded by the plan's own fold, {@link PlanState}.
 */
@Component
class LedgerPlanLookup implements PlanLookup {

    private final EventStore eventStore;

    LedgerPlanLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<PlanFacts> find(String planId) {
        PlanState plan = new PlanState();
        eventStore.readEvents(planId).asStream().forEach(event -> plan.apply(event.getPayload()));
        return plan.schoolUrn == null ? Optional.empty() : Optional.of(plan.facts());
    }
}
