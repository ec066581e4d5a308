package school.evidence.command.privacy;

import org.axonframework.config.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import school.evidence.platform.axon.ReadModelsCaughtUp;
import school.evidence.platform.axon.TokenPositions;
import school.evidence.platform.proof.WriteReceipts;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What an erasure's reply waits for: the read models make again what the erasure reached when they come to it, so
 * the reply waits (a bound: {@code evidence.privacy.erasure-wait}) until every processor of this node has handled the
 * erasure just recorded, and no read after it shows what was erased.
 */
@Component
class ErasureWait {

    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<TokenPositions> positions;
    private final Duration wait;

    ErasureWait(ObjectProvider<Configuration> axon, ObjectProvider<TokenPositions> positions,
                @Value("${evidence.privacy.erasure-wait:PT30S}") Duration wait) {
        this.axon = axon;
        this.positions = positions;
        this.wait = wait;
    }

    /** True once the read models show the erasure this thread just recorded; false if the wait ran out first. */
    boolean readModelsShowIt() {
        OptionalLong stored = WriteReceipts.lastPositionStored();
        if (stored.isEmpty()) {
            return true;
        }
        try {
            return ReadModelsCaughtUp.await(axon.getIfAvailable(), positions.getIfAvailable(), stored.getAsLong(),
                                            wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
