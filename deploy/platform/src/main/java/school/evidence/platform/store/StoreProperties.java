package school.evidence.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code evidence.store.*}: where the embedded store keeps its data and how readers wait for late commits.
 *
 * @param dataDir       folder of the embedded store's file (ignored when a MongoDB URI is configured)
 * @param inMemory      keep the embedded store in memory only (tests)
 * @param fetchDelay    how often a node polls the ledger for events other nodes wrote
 * @param gapTimeout    how long readers wait for an event whose global index was reserved but not yet written
 * @param writeDeadline an append not sent within this time after reserving its index is abandoned
 * @param unreachableAfter how long a request waits for an unreachable database before it is answered 503 (unless
 *                         the connection string sets {@code serverSelectionTimeoutMS})
 * @param chunkRetention how long the embedded store keeps a superseded part of its file before reusing the space
 *                       (H2's retention time, 45 s by default as in H2; see {@code DurableH2Backend#open})
 * @param pageCache     memory the embedded store keeps decoded pages of its file in (H2's page cache; H2's default
 *                      is 16 MB). Counted in the heap: a bigger cache needs a bigger {@code -Xmx}
 * @param readBatch     events a processor reading behind the others fetches from the ledger at a time
 * @param cachedEvents  recent events kept in memory for the processors that are up to date (Axon's shared tail).
 *                      Both are small by default: with 1,000 and Axon's 10,000, 13 processors catching up held
 *                      enough events to be promoted by every young collection (37% of a catch-up in GC pauses)
 */
@ConfigurationProperties("evidence.store")
public record StoreProperties(@DefaultValue("data") Path dataDir,
                              @DefaultValue("false") boolean inMemory,
                              @DefaultValue("100ms") Duration fetchDelay,
                              @DefaultValue("60s") Duration gapTimeout,
                              @DefaultValue("10s") Duration writeDeadline,
                              @DefaultValue("5s") Duration unreachableAfter,
                              @DefaultValue("45s") Duration chunkRetention,
                              @DefaultValue("16MB") DataSize pageCache,
                              @DefaultValue("100") int readBatch,
                              @DefaultValue("1000") int cachedEvents) {

    public StoreProperties {
        if (pageCache.toMegabytes() < 1) {
            throw new IllegalArgumentException("evidence.store.page-cache must be at least 1MB, was " + pageCache);
        }
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
