package school.evidence.platform.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's file, for operators: how big it is, how much of its written space still holds live data
 * (H2 keeps superseded space for its chunk retention time before reusing it, so a busy node's file grows several
 * times its data; shutdown compacts it) and how many chunks it has written (one per commit).
 */
public final class EmbeddedStoreMeters implements MeterBinder {

    private final MVStore store;

    public EmbeddedStoreMeters(MVStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("evidence.store.file.size", store, s -> s.isClosed() ? Double.NaN : s.getFileStore().size())
             .baseUnit("bytes").description("Size of the embedded store's file").register(registry);
        Gauge.builder("evidence.store.file.live", store,
                      s -> s.isClosed() ? Double.NaN : s.getFileStore().getChunksFillRate())
             .baseUnit("percent").description("Share of the file's written chunks still holding live data")
             .register(registry);
        FunctionCounter.builder("evidence.store.chunks.written", store,
                                s -> s.isClosed() ? 0 : s.getFileStore().getWriteCount())
                       .description("Chunks the embedded store has written to its file (one per commit)")
                       .register(registry);
    }
}
