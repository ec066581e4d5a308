package school.evidence.platform.access;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a verified JWT into a {@link Caller}: claim names and role values as configured, each role tied to the places
 * it was given for. A token that breaks {@link TokenRules} (no expiry, too long a life, issued in the future, no
 * usable user id) is refused with 401 whatever decoder checked its signature.
 */
public final class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final IdentityProperties identity;
    private final TokenRules rules;

    public TokenCallers(IdentityProperties identity) {
        this.identity = identity;
        this.rules = new TokenRules(identity);
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
        OAuth2TokenValidatorResult checked = rules.validate(jwt);
        if (checked.hasErrors()) {
            throw new InvalidBearerTokenException(checked.getErrors().iterator().next().getDescription());
        }
        return new CallerToken(callerOf(jwt.getClaims()), jwt);
    }

    /**
     * The caller these claims name, by the configured claim mapping: for an API token and for the ID token of a page
     * sign-in alike. Null when the claims name no usable user id.
     */
    public Caller callerOf(Map<String, Object> claims) {
        String userId = rules.userId(claims);
        if (userId == null) {
            return null;
        }
        Object name = claims.get(identity.nameClaim());
        return new Caller(userId, name instanceof String s && !s.isBlank() ? s : userId, memberships(claims));
    }

    /**
     * Per-role memberships when the token carries them ({@code memberships}: {@code "<role>@<urn>"},
     * {@code "<role>@trust:<trust id>"}, or an operator's bare {@code "<role>"}); otherwise the flat claims, where school
     * roles hold for the schools claim and the trust officer role for the trusts claim. {@code *} is never a wildcard
     * in a token: a school's identity provider does not issue a token for every school.
     */
    private Set<Caller.Membership> memberships(Map<String, Object> claims) {
        Set<String> explicit = strings(claims, identity.membershipsClaim());
        if (!claims.containsKey(identity.membershipsClaim())) {
            Set<Role> roles = new HashSet<>();
            strings(claims, identity.roleClaim()).stream().map(identity.roleMapping()::get)
                                               .filter(r -> r != null).forEach(roles::add);
            Set<String> schools = strings(claims, identity.schoolsClaim());
            Set<String> trusts = strings(claims, identity.trustsClaim());
            schools.remove(Caller.EVERY);
            trusts.remove(Caller.EVERY);
            return Caller.memberships(roles, schools, trusts);
        }
        Set<Caller.Membership> out = new HashSet<>();
        for (String value : explicit) {
            int at = value.lastIndexOf('@');
            Role role = identity.roleMapping().get(at < 0 ? value : value.substring(0, at));
            String place = placeFor(role, at < 0 ? null : value.substring(at + 1));
            if (place != null) {
                out.add(new Caller.Membership(role, place));
            }
        }
        return out;
    }

    /**
     * Where a role named in a membership holds, or null when the pair makes no sense (an unknown role, an operator
     * tied to a place, a trust officer of a school, a school role of a trust, a {@code *}): such a value grants nothing.
     */
    private static String placeFor(Role role, String place) {
        if (role == null) {
            return null;
        }
        // an organisation with member schools: a trust ("trust:") or a local authority ("la:")
        boolean trust = place != null && (place.startsWith("trust:") || place.startsWith("la:"));
        String name = place == null ? null : trust ? place.substring(place.indexOf(':') + 1) : place;
        if (name != null && (name.isBlank() || name.equals(Caller.EVERY))) {
            return null;
        }
        return switch (role) {
            case OPERATOR -> place == null ? Caller.EVERY : null;
            case TRUST_OFFICER -> trust ? name : null;
            default -> name != null && !trust ? name : null;
        };
    }

    private static Set<String> strings(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.stream().filter(v -> v instanceof String || v instanceof Number).forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        } else if (value instanceof Map<?, ?>) {
            return out; // an object is not a list of names
        }
        return out;
    }
}
