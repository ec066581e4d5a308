package school.evidence.command.trustplan;

import java.util.Set;

/** The trust-plan actions a school takes part in: what its monitoring may cite beside its own plan's actions. */
public interface TrustActionLookup {

    /** The ids of the actions, in its trusts' plans covering {@code academicYear}, that the school takes part in. */
    Set<String> takenPartIn(String schoolUrn, String academicYear);
}
