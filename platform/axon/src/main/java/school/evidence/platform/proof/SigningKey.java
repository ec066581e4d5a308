package school.evidence.platform.proof;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.ledger.merkle.Signatures;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import static com.mongodb.client.model.Filters.eq;

/**
 * The ledger's Ed25519 key: it signs checkpoints (query side) and the receipt of every acknowledged write (command
 * side). Production configures {@code evidence.ledger.signing-key} and {@code evidence.ledger.public-key} (base64; print
 * a pair with {@code LedgerKeys}); without them the service refuses to start, because an evidence log whose record
 * cannot be proved is not one. Demo mode only: a demo pair made once and kept in the database (key ids start
 * {@code demo-}).
 */
public record SigningKey(String keyId, PrivateKey signing, PublicKey verifying, boolean demo) {

    static final String SIGNING = "evidence.ledger.signing-key";
    static final String PUBLIC = "evidence.ledger.public-key";
    private static final String HOW = "Print a pair with: ./mvnw -q -pl ledger exec:java "
            + "-Dexec.mainClass=school.evidence.ledger.merkle.LedgerKeys, set both " + SIGNING + " and " + PUBLIC
            + ", and keep the signing key secret (publish the public key: it verifies checkpoints, packs and receipts).";

    public static SigningKey load(MongoDatabase database, String signingKey, String publicKey, boolean demo) {
        boolean hasSigning = signingKey != null && !signingKey.isBlank();
        boolean hasPublic = publicKey != null && !publicKey.isBlank();
        if (hasSigning != hasPublic) {
            throw new MisconfiguredKey(hasSigning ? PUBLIC : SIGNING, "is not set, but " + (hasSigning ? SIGNING : PUBLIC)
                    + " is: both halves of the pair are needed", HOW);
        }
        if (!hasSigning) {
            if (!demo) {
                throw new MisconfiguredKey(SIGNING, "is not set and demo mode is off: checkpoints and write receipts "
                        + "could not be signed", HOW);
            }
            return demoKey(database.getCollection("ledger_demo_key"));
        }
        PrivateKey signing = parse(SIGNING, () -> LedgerKeys.privateKey(signingKey));
        PublicKey verifying = parse(PUBLIC, () -> LedgerKeys.publicKey(publicKey));
        if (!pair(signing, verifying)) {
            throw new MisconfiguredKey(PUBLIC, "does not belong to " + SIGNING + ": what one signs the other would "
                    + "not verify", HOW);
        }
        return new SigningKey(LedgerKeys.keyId(verifying), signing, verifying, false);
    }

    private static <K> K parse(String property, java.util.function.Supplier<K> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new MisconfiguredKey(property, "is not a base64 Ed25519 key (" + e.getMessage() + ")", HOW, e);
        }
    }

    private static boolean pair(PrivateKey signing, PublicKey verifying) {
        byte[] probe = "evidence-ledger key check".getBytes(StandardCharsets.UTF_8);
        try {
            return Signatures.verifies(verifying, probe, Signatures.sign(signing, probe));
        } catch (IllegalStateException wrongKind) {
            return false;
        }
    }

    private static SigningKey demoKey(MongoCollection<Document> store) {
        Document stored = store.find(eq("_id", "demo")).first();
        if (stored == null) {
            KeyPair pair = LedgerKeys.generate();
            try {
                store.insertOne(new Document("_id", "demo").append("private", LedgerKeys.encode(pair.getPrivate()))
                                                           .append("public", LedgerKeys.encode(pair.getPublic())));
            } catch (com.mongodb.MongoWriteException raced) {
                // another node made it first: use theirs
            }
            stored = store.find(eq("_id", "demo")).first();
        }
        PublicKey verifying = LedgerKeys.publicKey(stored.getString("public"));
        return new SigningKey("demo-" + LedgerKeys.keyId(verifying), LedgerKeys.privateKey(stored.getString("private")),
                              verifying, true);
    }
}
