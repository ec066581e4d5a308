package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import school.evidence.platform.access.IdentityNotConfigured;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without an identity provider and without demo mode nobody could sign in: the service must not start. */
class IdentityStartupTest {

    @Test
    void refusesToStartWithNeitherAnIdentityProviderNorDemoMode() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(StandaloneApplication.class)
                .run("--evidence.demo.enabled=false", "--evidence.store.in-memory=true", "--server.port=0",
                     "--spring.application.name=no-identity",
                     // a key-encryption key is configured, so the missing identity provider is what stops it
                     "--evidence.privacy.key-encryption-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .hasRootCauseInstanceOf(IdentityNotConfigured.class)
                .rootCause().hasMessageContaining("No identity provider is configured and demo mode is off");
    }
}
