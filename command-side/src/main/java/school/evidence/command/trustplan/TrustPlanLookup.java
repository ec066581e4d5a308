package school.evidence.command.trustplan;

import java.util.Optional;
import java.util.Set;

/** A trust plan as other records' checks see it: whose it is and its priorities. */
public interface TrustPlanLookup {

    record Facts(String trustId, Set<String> priorities) {
    }

    /** Empty if there is no such plan. */
    Optional<Facts> find(String trustPlanId);
}
