package school.evidence.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code evidence.store.*} as the embedded store reads it (the ledger's own settings under the same prefix are in
 * {@code StoreProperties} of platform-axon).
 *
 * @param dataDir        folder of the embedded store's file (ignored when a MongoDB URI is configured)
 * @param inMemory       keep the embedded store in memory only (tests)
 * @param chunkRetention how long a superseded part of the file is kept before its space is reused (H2's retention
 *                       time, 45 s by default as in H2; see {@link DurableH2Backend#open})
 * @param pageCache      memory for decoded pages of the file (H2's page cache, 16 MB by default). Counted in the heap:
 *                       a bigger cache needs a bigger {@code -Xmx}
 */
@ConfigurationProperties("evidence.store")
public record EmbeddedStoreProperties(@DefaultValue("data") Path dataDir,
                                      @DefaultValue("false") boolean inMemory,
                                      @DefaultValue("45s") Duration chunkRetention,
                                      @DefaultValue("16MB") DataSize pageCache) {

    public EmbeddedStoreProperties {
        if (pageCache.toMegabytes() < 1) {
            throw new IllegalArgumentException("evidence.store.page-cache must be at least 1MB, was " + pageCache);
        }
    }
}
