package school.evidence.command.plan;

import java.util.Optional;
import java.util.Set;

/** The action ids of a plan, so monitoring can only cite actions that exist. */
public interface PlanActions {
    /** Empty if there is no such plan. */
    Optional<Set<String>> actionsOf(String planId);
}
