package school.evidence.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A signed statement of a school's log: "these first {@code treeSize} events hash to {@code rootHash}", plus the
 * global index up to which every event of the school is in it ({@code coveredGlobalIndex}), so an event slipped
 * in later with an earlier position is caught as back-filled. Signed with Ed25519 over a fixed text.
 *
 * <p>Version 2 also signs {@code receiptsFrom}: from that leaf on, every leaf of the log keeps the signed receipt of
 * its event, so the verifier can name an event rewritten together with its leaf. Version 1 checkpoints (no
 * {@code receiptsFrom}) still verify as they were signed.
 */
public record Checkpoint(String school, long treeSize, String rootHash, long coveredGlobalIndex, Instant issuedAt,
                         String keyId, String signature, Long receiptsFrom) {

    /** A version 1 checkpoint (signed before leaves kept receipts). */
    public Checkpoint(String school, long treeSize, String rootHash, long coveredGlobalIndex, Instant issuedAt,
                      String keyId, String signature) {
        this(school, treeSize, rootHash, coveredGlobalIndex, issuedAt, keyId, signature, null);
    }

    /** The exact bytes signed. */
    public byte[] signedText() {
        String common = school + "\n" + treeSize + "\n" + rootHash + "\n" + coveredGlobalIndex + "\n" + issuedAt + "\n"
                + keyId + "\n";
        String text = receiptsFrom == null ? "evidence-ledger checkpoint v1\n" + common
                : "evidence-ledger checkpoint v2\n" + common + receiptsFrom + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Checkpoint sign(String school, long treeSize, byte[] root, long coveredGlobalIndex, Instant issuedAt,
                                  String keyId, PrivateKey key) {
        return sign(school, treeSize, root, coveredGlobalIndex, issuedAt, keyId, key, null);
    }

    public static Checkpoint sign(String school, long treeSize, byte[] root, long coveredGlobalIndex, Instant issuedAt,
                                  String keyId, PrivateKey key, Long receiptsFrom) {
        Checkpoint unsigned = new Checkpoint(school, treeSize, HexFormat.of().formatHex(root), coveredGlobalIndex,
                                             issuedAt, keyId, null, receiptsFrom);
        return new Checkpoint(school, treeSize, unsigned.rootHash(), coveredGlobalIndex, issuedAt, keyId,
                              Signatures.sign(key, unsigned.signedText()), receiptsFrom);
    }

    public boolean verifies(PublicKey key) {
        return Signatures.verifies(key, signedText(), signature);
    }
}
