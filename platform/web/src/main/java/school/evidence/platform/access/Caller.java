package school.evidence.platform.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who is calling and, for each role they hold, where they hold it: a senior leader of school A may also be a trust
 * officer of trust T and a governor of school B, and each role counts only where it was given. Built from the identity
 * provider's token or, in demo mode, from a demo user. {@code *} as a place means every school or trust (demo and test
 * set-ups only).
 *
 * <p>While a request about one school or trust is handled, {@link #current()} is the caller as they stand there: only
 * the roles they hold for that school (or, as a trust officer, for a trust it belongs to). So a check such as
 * {@code has(SENIOR_LEADER)} in a controller always means "senior leader of this school".
 */
public record Caller(String userId, String name, Set<Membership> memberships) implements java.io.Serializable {

    public static final String EVERY = "*";
    /** The request attribute holding the caller as they stand for the request's school or trust. */
    static final String HERE = Caller.class.getName() + ".here";

    /** One role, held for one school (its URN), one trust (its id), or, for operators, the whole service. */
    public record Membership(Role role, String place) implements java.io.Serializable {
        public Membership {
            if (role == null || place == null || place.isBlank()) {
                throw new IllegalArgumentException("A membership needs a role and a place");
            }
        }
    }

    /** A signed-in principal that knows its caller: a demo user, or a user signed in to the pages by OpenID Connect. */
    public interface SignedIn {
        Caller caller();
    }

    public Caller {
        memberships = Set.copyOf(memberships);
    }

    /**
     * The common case: every school role held for each of {@code schools}, the trust officer role for each of
     * {@code trusts}, the operator role service-wide.
     */
    public Caller(String userId, String name, Set<Role> roles, Set<String> schools, Set<String> trusts) {
        this(userId, name, memberships(roles, schools, trusts));
    }

    public static Set<Membership> memberships(Collection<Role> roles, Set<String> schools, Set<String> trusts) {
        Set<Membership> out = new HashSet<>();
        for (Role role : roles) {
            switch (role) {
                case OPERATOR -> out.add(new Membership(role, EVERY));
                case TRUST_OFFICER -> trusts.forEach(t -> out.add(new Membership(role, t)));
                default -> schools.forEach(s -> out.add(new Membership(role, s)));
            }
        }
        return out;
    }

    /** The caller of the current request, narrowed to their roles for its school or trust once access was checked. */
    public static Caller current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(HERE, RequestAttributes.SCOPE_REQUEST) instanceof Caller here) {
            return here;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("No signed-in user");
        }
        return of(auth);
    }

    public static Caller of(Authentication auth) {
        if (auth.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        if (auth.getPrincipal() instanceof SignedIn signedIn) {
            return signedIn.caller();
        }
        // an internal job signed in with a role only (the demo school's loader): a member of nothing
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority.getAuthority())).forEach(roles::add);
        }
        return new Caller(auth.getName(), auth.getName(), roles, Set.of(), Set.of());
    }

    /** Every role held anywhere. */
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        memberships.forEach(m -> roles.add(m.role()));
        return roles;
    }

    public boolean has(Role role) {
        return memberships.stream().anyMatch(m -> m.role() == role);
    }

    /** The role recorded with the caller's commands: the most senior they hold (here, once narrowed). */
    public Role primaryRole() {
        return roles().stream().min(Enum::compareTo).orElse(null);
    }

    /** Whether the caller holds this role for this place (a school's URN or a trust's id). */
    public boolean holds(Role role, String place) {
        return memberships.stream().anyMatch(m -> m.role() == role && (m.place().equals(place) || m.place().equals(EVERY)));
    }

    /** The caller as they stand at a school: its own roles, trust officer of a trust it belongs to, operator. */
    public Caller atSchool(String urn, Set<String> trustsOfSchool) {
        return keep(m -> switch (m.role()) {
            case OPERATOR -> true;
            case TRUST_OFFICER -> m.place().equals(EVERY) || trustsOfSchool.contains(m.place());
            default -> m.place().equals(EVERY) || m.place().equals(urn);
        });
    }

    /** The caller as they stand at a trust: its officer, operator. */
    public Caller atTrust(String trustId) {
        return keep(m -> m.role() == Role.OPERATOR
                || (m.role() == Role.TRUST_OFFICER && (m.place().equals(EVERY) || m.place().equals(trustId))));
    }

    private Caller keep(Predicate<Membership> applies) {
        return new Caller(userId, name, memberships.stream().filter(applies).collect(Collectors.toSet()));
    }

    /** Whether the caller is this signed-in identity (a lesson visit's teacher, by their user id at sign-in). */
    public boolean isUser(String otherUserId) {
        return otherUserId != null && !otherUserId.isBlank()
                && otherUserId.strip().toLowerCase(Locale.ROOT).equals(userId.toLowerCase(Locale.ROOT));
    }
}
