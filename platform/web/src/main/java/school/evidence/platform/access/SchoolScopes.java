package school.evidence.platform.access;

import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.StoredEvent;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which school a request is about, read from the ledger itself (not a projection), so a permission never depends on
 * a read model having caught up: the school a recorded thing was filed under, and the trusts a school has joined.
 */
public class SchoolScopes {

    private static final Pattern PLAN_ID = Pattern.compile("^(\\d{6})-\\d{4}-\\d{2}$");
    /** A school is in a trust from the event that added it; a trust's later events about it follow that one. */
    private static final String JOINED = SchoolJoinedTrust.class.getName();

    private final LedgerReader ledger;

    public SchoolScopes(LedgerReader ledger) {
        this.ledger = ledger;
    }

    /** A plan's id starts with its school's URN. */
    public Optional<String> schoolOfPlan(String planId) {
        var m = PLAN_ID.matcher(planId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The school the ledger filed a record of that kind (a monitoring activity, a challenge) under. */
    public Optional<String> schoolOfRecord(String aggregateId, String aggregateType) {
        return ledger.event(aggregateId, 0).filter(first -> aggregateType.equals(first.aggregateType()))
                     .map(StoredEvent::school);
    }

    /** The trusts a school has joined (a trust's events about a school are filed under that school). */
    public Set<String> trustsOf(String urn) {
        return new HashSet<>(ledger.aggregatesWithEventInSchool(urn, JOINED));
    }
}
