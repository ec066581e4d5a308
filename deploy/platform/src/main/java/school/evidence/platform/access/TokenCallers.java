package school.evidence.platform.access;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** Turns a verified JWT into a {@link Caller}: claim names and role values as configured. */
public final class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final IdentityProperties identity;

    public TokenCallers(IdentityProperties identity) {
        this.identity = identity;
    }

    /** The authenticated caller; the token stays available as the credentials. */
    static final class CallerToken extends AbstractAuthenticationToken {
        private final Caller caller;
        private final transient Jwt token;

        CallerToken(Caller caller, Jwt token) {
            super(caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.caller = caller;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.userId();
        }
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String userId = jwt.hasClaim(identity.userClaim()) ? jwt.getClaimAsString(identity.userClaim()) : jwt.getSubject();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(jwt, identity.roleClaim())) {
            Role role = identity.roleMapping().get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        // a token naming every school is not something a school's identity provider issues: refuse the wildcard
        Set<String> schools = strings(jwt, identity.schoolsClaim());
        Set<String> trusts = strings(jwt, identity.trustsClaim());
        schools.remove(Caller.EVERY);
        trusts.remove(Caller.EVERY);
        Caller caller = new Caller(userId == null ? "unknown" : userId, jwt.getClaimAsString(identity.nameClaim()),
                                   roles, schools, trusts);
        return new CallerToken(caller, jwt);
    }

    private static Set<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }
}
