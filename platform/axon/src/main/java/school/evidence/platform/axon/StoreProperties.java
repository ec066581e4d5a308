package school.evidence.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.time.Duration;

/**
 * {@code evidence.store.*}: how the ledger is read and written, and how readers wait for late commits (the embedded
 * store's own settings under the same prefix are in the embedded-store module).
 *
 * @param fetchDelay    how often a node polls the ledger for events other nodes wrote
 * @param gapTimeout    how long readers wait for an event whose global index was reserved but not yet written
 * @param writeDeadline an append not sent within this time after reserving its index is abandoned
 * @param unreachableAfter how long a request waits for an unreachable database before it is answered 503 (unless
 *                         the connection string sets {@code serverSelectionTimeoutMS})
 * @param readBatch     events a processor reading behind the others fetches from the ledger at a time
 * @param cachedEvents  recent events kept in memory for the processors that are up to date (Axon's shared tail).
 *                      Both are small by default: with 1,000 and Axon's 10,000, 13 processors catching up held
 *                      enough events to be promoted by every young collection (37% of a catch-up in GC pauses)
 */
@ConfigurationProperties("evidence.store")
public record StoreProperties(@DefaultValue("100ms") Duration fetchDelay,
                              @DefaultValue("60s") Duration gapTimeout,
                              @DefaultValue("10s") Duration writeDeadline,
                              @DefaultValue("5s") Duration unreachableAfter,
                              @DefaultValue("100") int readBatch,
                              @DefaultValue("1000") int cachedEvents) {

    public StoreProperties {
        if (readBatch < 1 || cachedEvents < 1) {
            throw new IllegalArgumentException("evidence.store.read-batch and cached-events must be at least 1");
        }
        // a write sent at its deadline may wait for a server, fail and be retried once by the driver before it
        // lands; readers must still be waiting for it then
        Duration latestLanding = writeDeadline.plus(unreachableAfter.multipliedBy(2));
        if (gapTimeout.compareTo(latestLanding) <= 0) {
            throw new IllegalArgumentException(
                    "evidence.store.gap-timeout (" + gapTimeout + ") must be longer than write-deadline plus twice "
                            + "unreachable-after (" + latestLanding + "), or readers could skip an event still landing");
        }
    }
}
