package school.evidence.ledger.merkle;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Ed25519 over a statement's exact bytes (checkpoints, receipts), signatures as base64 text. */
public final class Signatures {

    private Signatures() {
    }

    public static String sign(PrivateKey key, byte[] text) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(text);
            return Base64.getEncoder().encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the ledger key", e);
        }
    }

    /** False for a missing, malformed or wrong signature: never an exception a tamperer could provoke. */
    public static boolean verifies(PublicKey key, byte[] text, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(text);
            return ed25519.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
