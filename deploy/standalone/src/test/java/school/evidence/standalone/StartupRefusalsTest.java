package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.platform.access.IdentityNotConfigured;
import school.evidence.platform.proof.MisconfiguredKey;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the service refuses to start without, or with wrong: an identity provider (else nobody could sign in), the
 * ledger's signing key pair (else nothing could be proved), a key-encryption key of 32 base64 bytes, and the very
 * key-encryption key the store was written with. Each refusal names the property.
 */
class StartupRefusalsTest {

    private static final KeyPair PAIR = LedgerKeys.generate();
    private static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    private static List<String> production(String... more) {
        List<String> args = new ArrayList<>(List.of("--evidence.demo.enabled=false", "--server.port=0",
                "--spring.application.name=startup-refusals",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-issuer.pub",
                "--evidence.ledger.signing-key=" + LedgerKeys.encode(PAIR.getPrivate()),
                "--evidence.ledger.public-key=" + LedgerKeys.encode(PAIR.getPublic()),
                "--evidence.privacy.key-encryption-key=" + KEK, "--evidence.store.in-memory=true"));
        for (String arg : more) {
            String name = arg.substring(0, arg.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(name));
            if (!arg.equals(name)) { // "--name=" alone leaves the property out
                args.add(arg);
            }
        }
        return args;
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(args.toArray(String[]::new));
    }

    private static void refused(List<String> args, String property, String saying) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> start(args).close());
        MisconfiguredKey cause = null;
        for (Throwable t = failure; t != null && cause == null; t = t.getCause()) {
            cause = t instanceof MisconfiguredKey key ? key : null;
        }
        assertThat(cause).as("refused for a key: %s", failure).isNotNull();
        assertThat(cause.property()).isEqualTo(property);
        assertThat(cause).hasMessageContaining(saying);
    }

    @Test
    void refusesToStartWithNeitherAnIdentityProviderNorDemoMode() {
        assertThatThrownBy(() -> start(production("--spring.security.oauth2.resourceserver.jwt.public-key-location=")))
                .hasRootCauseInstanceOf(IdentityNotConfigured.class)
                .rootCause().hasMessageContaining("No identity provider is configured and demo mode is off");
    }

    @Test
    void startsWithEverythingItNeeds() {
        start(production()).close();
    }

    @Test
    void refusesWithoutASigningKeyOrWithHalfAPairOrTwoHalvesThatDoNotBelong() {
        refused(production("--evidence.ledger.signing-key=", "--evidence.ledger.public-key="),
                "evidence.ledger.signing-key", "is not set and demo mode is off");
        refused(production("--evidence.ledger.public-key="), "evidence.ledger.public-key", "both halves");
        refused(production("--evidence.ledger.public-key=" + LedgerKeys.encode(LedgerKeys.generate().getPublic())),
                "evidence.ledger.public-key", "does not belong to");
        refused(production("--evidence.ledger.signing-key=not-a-key"), "evidence.ledger.signing-key", "not a base64");
    }

    @Test
    void refusesAKeyEncryptionKeyThatIsMissingMalformedOrNotTheStoresOwn() {
        refused(production("--evidence.privacy.key-encryption-key="), "evidence.privacy.key-encryption-key",
                "is not set");
        refused(production("--evidence.privacy.key-encryption-key=%%%"), "evidence.privacy.key-encryption-key",
                "is not base64");
        refused(production("--evidence.privacy.key-encryption-key=" + Base64.getEncoder().encodeToString(new byte[16])),
                "evidence.privacy.key-encryption-key", "must be 32 bytes");

        List<String> onDisk = production("--evidence.store.in-memory=false", "--evidence.store.data-dir=" + dir);
        start(onDisk).close();
        byte[] other = new byte[32];
        other[0] = 1;
        List<String> wrongKey = new ArrayList<>(onDisk);
        wrongKey.removeIf(a -> a.startsWith("--evidence.privacy.key-encryption-key="));
        wrongKey.add("--evidence.privacy.key-encryption-key=" + Base64.getEncoder().encodeToString(other));
        refused(wrongKey, "evidence.privacy.key-encryption-key", "is not the key this store");
        start(onDisk).close(); // the right key still opens it
    }
}
