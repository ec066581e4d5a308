package school.evidence.platform.access;

import java.util.EnumSet;
import java.util.Set;

import static school.evidence.platform.access.Role.GOVERNOR;
import static school.evidence.platform.access.Role.OPERATOR;
import static school.evidence.platform.access.Role.SENIOR_LEADER;
import static school.evidence.platform.access.Role.SUBJECT_LEADER;
import static school.evidence.platform.access.Role.TRUST_OFFICER;

/** The audiences a route is for ({@link Allowed}): each a set of roles, held for the route's school or trust. */
public enum Who {
    SENIOR_LEADERS(SENIOR_LEADER),
    LEADERS_AND_SUBJECT_LEADERS(SENIOR_LEADER, SUBJECT_LEADER),
    LEADERS_AND_GOVERNORS(SENIOR_LEADER, GOVERNOR),
    /** everyone of the school, and officers of a trust it belongs to */
    SCHOOL_READERS(SENIOR_LEADER, SUBJECT_LEADER, GOVERNOR, TRUST_OFFICER),
    /** the school's readers, and operators (for routes that carry no pupil or staff content) */
    SCHOOL_READERS_AND_OPERATORS(SENIOR_LEADER, SUBJECT_LEADER, GOVERNOR, TRUST_OFFICER, OPERATOR),
    LEADERS_GOVERNORS_AND_TRUST_OFFICERS(SENIOR_LEADER, GOVERNOR, TRUST_OFFICER),
    LEADERS_AND_OPERATORS(SENIOR_LEADER, OPERATOR),
    /** the school's senior leaders, and officers of a trust it belongs to */
    LEADERS_AND_TRUST_OFFICERS(SENIOR_LEADER, TRUST_OFFICER),
    TRUST_OFFICERS(TRUST_OFFICER),
    OPERATORS(OPERATOR),
    /** anyone signed in, whatever their role (a page that only sends them on to their own) */
    ANYONE_SIGNED_IN(SENIOR_LEADER, SUBJECT_LEADER, GOVERNOR, TRUST_OFFICER, OPERATOR);

    private final Set<Role> roles;

    Who(Role first, Role... rest) {
        this.roles = Set.copyOf(EnumSet.of(first, rest));
    }

    public Set<Role> roles() {
        return roles;
    }
}
