package school.evidence.platform.access;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a token must carry beyond a good signature, issuer and audience: an expiry, a life no longer than
 * {@code evidence.identity.max-token-lifetime}, no issue time in the future, and one user id (a non-blank string) to
 * record on every event it causes.
 */
final class TokenRules implements OAuth2TokenValidator<Jwt> {

    /** How far apart our clock and the identity provider's may be. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private final IdentityProperties identity;
    private final Clock clock;

    TokenRules(IdentityProperties identity) {
        this(identity, Clock.systemUTC());
    }

    TokenRules(IdentityProperties identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant now = clock.instant();
        Instant expires = jwt.getExpiresAt();
        Instant issued = jwt.getIssuedAt();
        if (expires == null) {
            return refuse("The token has no expiry (exp)");
        }
        if (issued != null && issued.isAfter(now.plus(SKEW))) {
            return refuse("The token was issued in the future (iat)");
        }
        Instant from = issued == null ? now : issued;
        if (Duration.between(from, expires).compareTo(identity.maxTokenLifetime()) > 0) {
            return refuse("The token lives longer than this service accepts (" + identity.maxTokenLifetime() + ")");
        }
        if (userId(jwt.getClaims()) == null) {
            return refuse("The token does not name its user (" + identity.userClaim() + " or sub)");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** The user claim if it is there, else {@code sub}; null unless it is one non-blank string of sensible length. */
    String userId(java.util.Map<String, Object> claims) {
        Object value = claims.containsKey(identity.userClaim()) ? claims.get(identity.userClaim()) : claims.get("sub");
        if (!(value instanceof String s) || s.isBlank() || s.length() > 256 || !s.equals(s.strip())
                || s.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return s;
    }

    private static OAuth2TokenValidatorResult refuse(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
    }
}
