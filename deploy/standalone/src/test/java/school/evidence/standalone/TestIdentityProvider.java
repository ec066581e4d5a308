package school.evidence.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in OpenID Connect provider on a local port, doing what Entra ID or Google do in the code flow: publishes its
 * metadata and keys, "signs in" whoever the test says at the authorization endpoint (no login screen), and at the token
 * endpoint swaps a code for an ID token only with the client's secret and the PKCE verifier matching the challenge.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "evidence-pages";
    static final String CLIENT_SECRET = "pages-secret";

    private record Grant(String redirectUri, String nonce, String challenge, Map<String, Object> claims) {
    }

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    /** Who the next sign-in is: the claims their ID token carries besides the protocol's own. */
    volatile Map<String, Object> nextUser = Map.of();
    /** The key the next ID token is signed with: the published one unless a test says otherwise. */
    volatile KeyPair signingKeys = TestTokens.KEYS;
    final AtomicInteger codesSwappedWithPkce = new AtomicInteger();

    TestIdentityProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::metadata);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/keys", this::keys);
        server.start();
    }

    String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void metadata(HttpExchange exchange) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer());
        body.put("authorization_endpoint", issuer() + "/authorize");
        body.put("token_endpoint", issuer() + "/token");
        body.put("jwks_uri", issuer() + "/keys");
        body.put("response_types_supported", new String[] {"code"});
        body.put("subject_types_supported", new String[] {"public"});
        body.put("id_token_signing_alg_values_supported", new String[] {"RS256"});
        body.put("code_challenge_methods_supported", new String[] {"S256"});
        body.put("token_endpoint_auth_methods_supported", new String[] {"client_secret_basic"});
        reply(exchange, 200, json.writeValueAsString(body));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("redirect_uri"), query.get("nonce"), query.get("code_challenge"),
                                  nextUser));
        String back = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(body.get("code")));
        if (grant == null || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || grant.challenge() == null || !grant.challenge().equals(s256(body.get("code_verifier")))) {
            reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        codesSwappedWithPkce.incrementAndGet();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", UUID.randomUUID().toString());
        out.put("token_type", "Bearer");
        out.put("expires_in", 300);
        out.put("scope", "openid profile");
        out.put("id_token", idToken(grant));
        reply(exchange, 200, json.writeValueAsString(out));
    }

    private void keys(HttpExchange exchange) throws IOException {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) TestTokens.KEYS.getPublic()).keyID("k1").build();
        reply(exchange, 200, new JWKSet(key).toString());
    }

    private String idToken(Grant grant) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).claim("nonce", grant.nonce());
        grant.claims().forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) signingKeys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
