package school.evidence.ledger.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts and checkpoints signed before the ledger signed with Bouncy Castle were signed by the JDK: both must give
 * the same bytes and accept each other's signatures, and a wrong or malformed one must be refused, not thrown.
 */
class SignaturesTest {

    private final KeyPair keys = LedgerKeys.generate();

    @Test
    void signsTheSameBytesAsTheJdkAndEachAcceptsTheOthers() throws Exception {
        for (int i = 0; i < 50; i++) {
            byte[] text = ("evidence-ledger receipt v1\n108520\nevent-" + i + "\n" + i * 7919 + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(keys.getPrivate());
            jdk.update(text);
            String byJdk = Base64.getEncoder().encodeToString(jdk.sign());

            String ours = Signatures.sign(keys.getPrivate(), text);

            assertThat(ours).isEqualTo(byJdk);
            assertThat(Signatures.verifies(keys.getPublic(), text, byJdk)).isTrue();
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(keys.getPublic());
            check.update(text);
            assertThat(check.verify(Base64.getDecoder().decode(ours))).isTrue();
        }
    }

    @Test
    void keysReadFromTheirTextSignAndCheckAlike() {
        KeyPair read = new KeyPair(LedgerKeys.publicKey(LedgerKeys.encode(keys.getPublic())),
                                   LedgerKeys.privateKey(LedgerKeys.encode(keys.getPrivate())));
        byte[] text = "checkpoint".getBytes(StandardCharsets.UTF_8);

        assertThat(Signatures.sign(read.getPrivate(), text)).isEqualTo(Signatures.sign(keys.getPrivate(), text));
        assertThat(Signatures.verifies(read.getPublic(), text, Signatures.sign(keys.getPrivate(), text))).isTrue();
    }

    @Test
    void refusesAChangedTextAnotherKeyAndMalformedSignatures() {
        byte[] text = "evidence-ledger receipt v1\n108520\n".getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.sign(keys.getPrivate(), text);
        byte[] changed = text.clone();
        changed[changed.length - 2] ^= 1;
        byte[] flipped = Base64.getDecoder().decode(signature);
        flipped[10] ^= 1;

        assertThat(Signatures.verifies(keys.getPublic(), changed, signature)).isFalse();
        assertThat(Signatures.verifies(LedgerKeys.generate().getPublic(), text, signature)).isFalse();
        assertThat(Signatures.verifies(keys.getPublic(), text, Base64.getEncoder().encodeToString(flipped))).isFalse();
        assertThat(Signatures.verifies(keys.getPublic(), text, signature.substring(0, 40))).isFalse();
        assertThat(Signatures.verifies(keys.getPublic(), text, "not base64 at all!")).isFalse();
        assertThat(Signatures.verifies(keys.getPublic(), text, "")).isFalse();
        assertThat(Signatures.verifies(keys.getPublic(), text, null)).isFalse();
        assertThat(Signatures.verifies(keys.getPublic(), text, signature)).isTrue();
    }
}
