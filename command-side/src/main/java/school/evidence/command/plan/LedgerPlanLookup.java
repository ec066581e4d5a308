package school.evidence.command.plan;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringRevised;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityWithdrawn;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Folds the plan's stream straight from the ledger (consistent, and without locking the plan). */
@Component
class LedgerPlanLookup implements PlanLookup {

    private final EventStore eventStore;

    LedgerPlanLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<PlanFacts> find(String planId) {
        String[] header = new String[2];
        Set<String> priorities = new HashSet<>();
        Map<String, ActionFacts> actions = new HashMap<>();
        Map<String, PlannedFacts> planned = new HashMap<>();
        eventStore.readEvents(planId).asStream().forEach(event -> {
            switch (event.getPayload()) {
                case ImprovementPlanCreated e -> {
                    header[0] = e.schoolUrn();
                    header[1] = e.academicYear();
                }
                case PriorityAdded e -> priorities.add(e.code());
                case PriorityWithdrawn e -> priorities.remove(e.code());
                case ActionAdded e -> actions.put(e.actionId(), new ActionFacts(e.number(), e.details(), false, null));
                case ActionCarriedForward e -> actions.put(e.actionId(),
                                                           new ActionFacts(e.number(), e.details(), false, null));
                case ActionRevised e -> actions.computeIfPresent(e.actionId(), (id, a) ->
                        new ActionFacts(a.number(), e.details(), a.withdrawn(), a.lastRag()));
                case ActionWithdrawn e -> actions.computeIfPresent(e.actionId(), (id, a) ->
                        new ActionFacts(a.number(), a.details(), true, a.lastRag()));
                case ActionRagJudged e -> actions.computeIfPresent(e.actionId(), (id, a) ->
                        new ActionFacts(a.number(), a.details(), a.withdrawn(), e.status()));
                case MonitoringPlanned e -> planned.put(e.plannedId(), new PlannedFacts(e.type(), false));
                case PlannedMonitoringRevised e -> planned.put(e.plannedId(), new PlannedFacts(e.type(), false));
                case PlannedMonitoringCancelled e -> planned.computeIfPresent(e.plannedId(),
                                                                              (id, p) -> new PlannedFacts(p.type(), true));
                default -> {
                }
            }
        });
        return header[0] == null ? Optional.empty()
                : Optional.of(new PlanFacts(planId, header[0], header[1], priorities, actions, planned));
    }
}
