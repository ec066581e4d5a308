package school.evidence.platform.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import school.evidence.platform.axon.LedgerAutoConfiguration;

/**
 * What makes the record provable: the ledger's signing key (checkpoints on the query side, receipts on the command
 * side) and the receipts given with every acknowledged write.
 */
@AutoConfiguration(after = {LedgerAutoConfiguration.class, JacksonAutoConfiguration.class})
public class ProofAutoConfiguration {

    /** Configured, or the demo key in demo mode; otherwise the service does not start. */
    @Bean
    public SigningKey ledgerSigningKey(MongoDatabase evidenceDatabase,
                                       @Value("${evidence.ledger.signing-key:}") String signingKey,
                                       @Value("${evidence.ledger.public-key:}") String publicKey,
                                       @Value("${evidence.demo.enabled:false}") boolean demo) {
        SigningKey key = SigningKey.load(evidenceDatabase, signingKey, publicKey, demo);
        if (key.demo()) {
            LoggerFactory.getLogger(ProofAutoConfiguration.class).warn("Signing the ledger with a DEMO key ({}); "
                    + "configure evidence.ledger.signing-key for real use", key.keyId());
        }
        return key;
    }

    @Bean
    @ConditionalOnWebApplication
    public WriteReceipts writeReceipts(SigningKey ledgerSigningKey, ObjectMapper json) {
        return new WriteReceipts(ledgerSigningKey, json);
    }
}
