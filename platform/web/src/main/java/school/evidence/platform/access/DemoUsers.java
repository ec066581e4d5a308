package school.evidence.platform.access;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Demo mode's users, one per role, password {@code demo}, members of {@code evidence.demo.schools} and
 * {@code evidence.demo.trusts}. The password is published in the README, so it is stored unhashed: BCrypt on every
 * stateless Basic request would cost ~80 ms per call and protect nothing.
 */
public final class DemoUsers implements UserDetailsService {

    public static final String PASSWORD = "demo";

    /** A demo user carries the memberships a token would carry. */
    public static final class DemoUser extends User implements Caller.SignedIn {
        private final Caller caller; // kept with the session (Caller is serializable)

        DemoUser(Caller caller) {
            super(caller.userId(), "{noop}" + PASSWORD,
                  caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }
    }

    private final Map<String, Caller> users;

    public DemoUsers(Set<String> schools, Set<String> trusts) {
        this.users = Stream.of(
                new Caller("slt", "Demo Senior Leader", Set.of(Role.SENIOR_LEADER), schools, Set.of()),
                new Caller("subject-leader", "Demo Subject Leader", Set.of(Role.SUBJECT_LEADER), schools, Set.of()),
                new Caller("governor", "Demo Governor", Set.of(Role.GOVERNOR), schools, Set.of()),
                new Caller("trust-officer", "Demo Trust Officer", Set.of(Role.TRUST_OFFICER), Set.of(), trusts),
                new Caller("operator", "Demo Operator", Set.of(Role.OPERATOR), Set.of(), Set.of())
        ).collect(Collectors.toUnmodifiableMap(Caller::userId, Function.identity()));
    }

    /** The name a demo user is shown by ("Demo Senior Leader"), for pages that say who recorded something. */
    public java.util.Optional<String> nameOf(String userId) {
        return java.util.Optional.ofNullable(users.get(userId)).map(Caller::name);
    }

    public List<String> names() {
        return users.keySet().stream().sorted().toList();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Caller caller = users.get(username);
        if (caller == null) {
            throw new UsernameNotFoundException("No demo user " + username);
        }
        // a fresh copy each time: Spring Security erases credentials on the object it is given
        return new DemoUser(caller);
    }
}
