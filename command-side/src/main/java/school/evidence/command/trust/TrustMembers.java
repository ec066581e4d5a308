package school.evidence.command.trust;

import java.util.Optional;
import java.util.Set;

/** The schools of a trust, for the decisions of records that span them (a trust's plan). */
public interface TrustMembers {

    /** Empty if there is no such trust. */
    Optional<Set<String>> of(String trustId);
}
