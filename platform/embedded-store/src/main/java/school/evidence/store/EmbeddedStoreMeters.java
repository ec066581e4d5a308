package school.evidence.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's file, for operators: how big it is, how much of its written space still holds live data
 * (H2 keeps superseded space for its chunk retention time before reusing it, so a busy node's file grows several
 * times its data; shutdown compacts it), how many chunks it has written (one per commit) and how well its page
 * cache serves reads, and how often a query found no index and read a whole collection.
 */
public final class EmbeddedStoreMeters implements MeterBinder {

    private final DurableH2Backend backend;
    private final MVStore store;

    public EmbeddedStoreMeters(DurableH2Backend backend) {
        this.backend = backend;
        this.store = backend.getMvStore();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("evidence.store.file.size", store, s -> s.isClosed() ? Double.NaN : s.getFileStore().size())
             .baseUnit("bytes").description("Size of the embedded store's file").register(registry);
        Gauge.builder("evidence.store.file.live", store,
                      s -> s.isClosed() ? Double.NaN : s.getFileStore().getChunksFillRate())
             .baseUnit("percent").description("Share of the file's written chunks still holding live data")
             .register(registry);
        // a low hit ratio means reads decode pages from the file again and again: a bigger page cache may help
        Gauge.builder("evidence.store.page.cache.hits", store,
                      s -> s.isClosed() ? Double.NaN : s.getFileStore().getCacheHitRatio())
             .baseUnit("percent").description("Share of page reads the embedded store found in its page cache")
             .register(registry);
        Gauge.builder("evidence.store.page.cache.used", store,
                      s -> s.isClosed() ? Double.NaN : s.getFileStore().getCacheSizeUsed() * 1024.0 * 1024.0)
             .baseUnit("bytes").description("Memory the embedded store's page cache holds").register(registry);
        // read once: it changes only when the store opens (NaN: never rebuilt after an unclean shutdown)
        DurableH2Backend.Recovered recovered = DurableH2Backend.lastRecovery(store).orElse(null);
        Gauge.builder("evidence.store.recovery.last", recovered, r -> r == null ? Double.NaN : r.at().getEpochSecond())
             .baseUnit("seconds").description("When the store last rebuilt its indexes after an unclean shutdown "
                                              + "(seconds since 1970)").register(registry);
        Gauge.builder("evidence.store.recovery.duration", recovered,
                      r -> r == null ? Double.NaN : r.took().toMillis() / 1000.0)
             .baseUnit("seconds").description("How long that rebuild took").register(registry);
        FunctionCounter.builder("evidence.store.chunks.written", store,
                                s -> s.isClosed() ? 0 : s.getFileStore().getWriteCount())
                       .description("Chunks the embedded store has written to its file (one per commit)")
                       .register(registry);
        FunctionCounter.builder("evidence.store.scans", backend, DurableH2Backend::scans)
                       .description("Queries the embedded store answered by reading a whole collection (no index "
                                    + "served them)").register(registry);
    }
}
