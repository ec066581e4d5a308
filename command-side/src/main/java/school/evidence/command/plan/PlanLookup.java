package school.evidence.command.plan;

import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.Rag;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What other decisions need to know about a plan: its school, year, live priorities and actions. */
public interface PlanLookup {

    record ActionFacts(String number, ActionDetails details, boolean withdrawn, Rag lastRag) {
    }

    record PlannedFacts(school.evidence.kernel.monitoring.MonitoringType type, boolean cancelled) {
    }

    record PlanFacts(String planId, String schoolUrn, String academicYear, Set<String> priorities,
                     Map<String, ActionFacts> actions, Map<String, PlannedFacts> planned) {

        public PlanFacts(String planId, String schoolUrn, String academicYear, Set<String> priorities,
                         Map<String, ActionFacts> actions) {
            this(planId, schoolUrn, academicYear, priorities, actions, Map.of());
        }

        /** Actions that may still be cited as evidenced: not withdrawn. */
        public Set<String> liveActionIds() {
            return actions.entrySet().stream().filter(e -> !e.getValue().withdrawn()).map(Map.Entry::getKey)
                          .collect(Collectors.toSet());
        }
    }

    /** Empty if there is no such plan. */
    Optional<PlanFacts> find(String planId);
}
