package school.evidence.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import school.evidence.ledger.merkle.LedgerKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in to the pages: no demo users, the school's identity provider connected by OpenID Connect (code
 * flow with PKCE). The ID token's claims give the same roles and schools as an API token would; a token the service
 * does not trust signs nobody in; the API still wants its bearer token, not the pages' session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "evidence.demo.enabled=false",
                              "evidence.demo.load-school=true", "evidence.demo.today=" + JourneyTest.DEMO_DAY,
                              "spring.security.oauth2.client.registration.school.client-id="
                                      + TestIdentityProvider.CLIENT_ID,
                              "spring.security.oauth2.client.registration.school.client-secret="
                                      + TestIdentityProvider.CLIENT_SECRET,
                              "spring.security.oauth2.client.registration.school.client-name=your school account",
                              "spring.security.oauth2.client.registration.school.scope=openid,profile"})
class IdentityProviderSignInJourneyTest {

    static final TestIdentityProvider PROVIDER = start();

    @LocalServerPort
    int port;
    Browser browser;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.school.issuer-uri", PROVIDER::issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER::issuer);
        // production mode: the keys are configured, none is made up for a demo
        KeyPair ledger = LedgerKeys.generate();
        properties.add("evidence.ledger.signing-key", () -> LedgerKeys.encode(ledger.getPrivate()));
        properties.add("evidence.ledger.public-key", () -> LedgerKeys.encode(ledger.getPublic()));
        properties.add("evidence.privacy.key-encryption-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
    }

    @BeforeEach
    void open() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void close() {
        browser.close();
        PROVIDER.signingKeys = TestTokens.KEYS;
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aSeniorLeaderSignsInWithTheSchoolsAccountAndHasTheirRolesThere() throws Exception {
        PROVIDER.nextUser = Map.of("sub", "a1b2", "preferred_username", "a.khan@usworth.example",
                                   "name", "Amira Khan", "roles", List.of("SENIOR_LEADER"),
                                   "schools", List.of("108520"));
        int swapped = PROVIDER.codesSwappedWithPkce.get();
        browser.open("/");
        assertThat(browser.path()).isEqualTo("/sign-in");
        assertThat(browser.text()).doesNotContain("demonstration", "Sign in as senior leader");
        browser.accessible("sign-in with an identity provider");

        browser.go(By.linkText("Sign in with your school account"));
        assertThat(PROVIDER.codesSwappedWithPkce.get()).isEqualTo(swapped + 1);
        assertThat(browser.path()).isEqualTo("/schools/108520");
        assertThat(browser.find(By.cssSelector(".govuk-service-navigation")).getText())
                .contains("Signed in as Amira Khan");
        // the roles came from the ID token: a senior leader may judge RAG on an action's page
        browser.open("/plans/" + JourneyTest.PLAN_ID);
        browser.go(By.cssSelector(".govuk-summary-card__title a"));
        assertThat(browser.text()).contains("Judge this action's RAG");

        // the pages' session is no key to the API, which takes bearer tokens only
        HttpResponse<String> api = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans/" + JourneyTest.PLAN_ID))
                           .header("Cookie", "evidence_session=" + browser.driver.manage()
                                                                              .getCookieNamed("evidence_session")
                                                                              .getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void anIdTokenTheServiceDoesNotTrustSignsNobodyIn() {
        PROVIDER.nextUser = Map.of("sub", "x9", "preferred_username", "intruder", "roles", List.of("SENIOR_LEADER"),
                                   "schools", List.of("108520"));
        PROVIDER.signingKeys = TestTokens.STRANGER;
        browser.open("/sign-in");
        browser.go(By.linkText("Sign in with your school account"));
        assertThat(browser.path()).isEqualTo("/sign-in?failed");
        assertThat(browser.text()).contains("Signing in did not work");
        browser.accessible("sign-in failed");
        browser.open("/schools/108520");
        assertThat(browser.path()).isEqualTo("/sign-in");
    }

    private static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
