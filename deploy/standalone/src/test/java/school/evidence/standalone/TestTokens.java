package school.evidence.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A stand-in identity provider: an RSA key the service trusts (as it would trust Entra ID's published keys) and
 * tokens signed with it, carrying the claims a school's tenant would issue.
 */
final class TestTokens {

    static final KeyPair KEYS = generate();
    static final KeyPair STRANGER = generate();

    private TestTokens() {
    }

    /**
     * The service's token check: only this stand-in provider's signature is accepted. Imported by the tests that use
     * it; deliberately not a @Configuration, so the application's component scan never picks it up.
     */
    static class Provider {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        }
    }

    static String token(String user, List<String> roles, List<String> schools, List<String> trusts) {
        return sign(KEYS, user, roles, schools, trusts, Instant.now().plusSeconds(3600));
    }

    static String sign(KeyPair keys, String user, List<String> roles, List<String> schools, List<String> trusts,
                       Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("sub-" + user).claim("preferred_username", user).claim("name", "Name of " + user)
                .claim("roles", roles).claim("schools", schools).claim("trusts", trusts)
                .issueTime(Date.from(expires.minusSeconds(7200))).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token with exactly these claims (nothing added), signed by the trusted stand-in provider. */
    static String withClaims(java.util.Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The usual claims of a one-hour token, for {@link #withClaims} to change. */
    static java.util.Map<String, Object> usualClaims(String user) {
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("sub", "sub-" + user);
        claims.put("preferred_username", user);
        claims.put("name", "Name of " + user);
        claims.put("iat", now - 60);
        claims.put("exp", now + 3600);
        return claims;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
