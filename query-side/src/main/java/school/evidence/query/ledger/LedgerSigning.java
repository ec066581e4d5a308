package school.evidence.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import school.evidence.ledger.merkle.LedgerKeys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The checkpoint signing key. Production: configured ({@code evidence.ledger.signing-key} and
 * {@code evidence.ledger.public-key}, base64; print a pair with {@code LedgerKeys}). Demo mode only: a demo key
 * made once and kept in the database, announced in the log. Otherwise no checkpoints are signed.
 */
@Component
class LedgerSigning {

    private static final Logger log = LoggerFactory.getLogger(LedgerSigning.class);

    record Keys(String keyId, PrivateKey signing, PublicKey verifying, boolean demo) {
    }

    private final Keys keys;

    LedgerSigning(MongoDatabase database,
                  @Value("${evidence.ledger.signing-key:}") String signingKey,
                  @Value("${evidence.ledger.public-key:}") String publicKey,
                  @Value("${evidence.demo.enabled:false}") boolean demo) {
        if (!signingKey.isBlank() && !publicKey.isBlank()) {
            PublicKey verifying = LedgerKeys.publicKey(publicKey);
            keys = new Keys(LedgerKeys.keyId(verifying), LedgerKeys.privateKey(signingKey), verifying, false);
        } else if (demo) {
            keys = demoKeys(database.getCollection("ledger_demo_key"));
            log.warn("Signing ledger checkpoints with a DEMO key ({}); configure evidence.ledger.signing-key for real use",
                     keys.keyId());
        } else {
            keys = null;
            log.warn("No evidence.ledger.signing-key configured: ledger checkpoints are not signed");
        }
    }

    Optional<Keys> keys() {
        return Optional.ofNullable(keys);
    }

    private static Keys demoKeys(MongoCollection<Document> store) {
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
        return new Keys("demo-" + LedgerKeys.keyId(verifying), LedgerKeys.privateKey(stored.getString("private")),
                        verifying, true);
    }
}
