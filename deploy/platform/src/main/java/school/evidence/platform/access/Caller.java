package school.evidence.platform.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who is calling and where they belong: their roles, the schools (URNs) and trusts they are members of. Built from the
 * identity provider's token or, in demo mode, from a demo user. {@code *} as a member means every school or trust
 * (demo and test set-ups only).
 */
public record Caller(String userId, String name, Set<Role> roles, Set<String> schools, Set<String> trusts) {

    public static final String EVERY = "*";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        schools = Set.copyOf(schools);
        trusts = Set.copyOf(trusts);
    }

    public static Caller current() {
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
        if (auth.getPrincipal() instanceof DemoUsers.DemoUser demo) {
            return demo.caller();
        }
        // an internal job signed in with a role only (the demo school's loader): a member of nothing
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority.getAuthority())).forEach(roles::add);
        }
        return new Caller(auth.getName(), auth.getName(), roles, Set.of(), Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role recorded with the caller's commands: the most senior they hold. */
    public Role primaryRole() {
        return roles.stream().min(Enum::compareTo).orElse(null);
    }

    public boolean memberOfSchool(String urn) {
        return schools.contains(EVERY) || schools.contains(urn);
    }

    public boolean memberOfTrust(String trustId) {
        return trusts.contains(EVERY) || trusts.contains(trustId);
    }

    /** Whether a record naming this person (a lesson visit's teacher) is about the caller. */
    public boolean isNamed(String person) {
        if (person == null || person.isBlank()) {
            return false;
        }
        String p = person.strip().toLowerCase(Locale.ROOT);
        return p.equals(userId.toLowerCase(Locale.ROOT)) || (name != null && p.equals(name.toLowerCase(Locale.ROOT)));
    }
}
