package school.evidence.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement of a school's log: "these first {@code treeSize} events hash to {@code rootHash}", plus the
 * global index up to which every event of the school is in it ({@code coveredGlobalIndex}), so an event slipped
 * in later with an earlier position is caught as back-filled. Signed with Ed25519 over a fixed text.
 */
public record Checkpoint(String school, long treeSize, String rootHash, long coveredGlobalIndex, Instant issuedAt,
                         String keyId, String signature) {

    /** The exact bytes signed. */
    public byte[] signedText() {
        return ("evidence-ledger checkpoint v1\n" + school + "\n" + treeSize + "\n" + rootHash + "\n"
                + coveredGlobalIndex + "\n" + issuedAt + "\n" + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static Checkpoint sign(String school, long treeSize, byte[] root, long coveredGlobalIndex, Instant issuedAt,
                                  String keyId, PrivateKey key) {
        Checkpoint unsigned = new Checkpoint(school, treeSize, HexFormat.of().formatHex(root), coveredGlobalIndex,
                                             issuedAt, keyId, null);
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(unsigned.signedText());
            return new Checkpoint(school, treeSize, unsigned.rootHash(), coveredGlobalIndex, issuedAt, keyId,
                                  Base64.getEncoder().encodeToString(ed25519.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign checkpoint", e);
        }
    }

    public boolean verifies(PublicKey key) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(signedText());
            return signature != null && ed25519.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
