package school.evidence.ledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: prints what one engine operation costs with 1,000 and with 50,000 events already stored, on the
 * embedded MongoDB server (the standalone default). Both sizes should cost about the same, because every hot path
 * is a keyed lookup (docs/architecture.md, "Designing for both stores"). Run: see docs/measured.md ("Measured numbers").
 * <p>
 * Operations: <b>append</b> one event to an existing aggregate (its next sequence number known, as after a load); <b>load</b> an aggregate of 10 events;
 * <b>stream</b> 5,000 events from a tracking token in the middle of the store (cost per event).
 */
public final class LedgerEngineBenchmark {

    private static final int EVENTS_PER_AGGREGATE = 10;
    private static final int ROUNDS = 7;
    private static final int STREAMED_PER_ROUND = 5_000;

    record Payload(String school, String note) {
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "h2";
        Path dir = Files.createTempDirectory("ledger-bench");
        MongoServer server = new MongoServer("memory".equals(backend) ? new MemoryBackend()
                                                     : new H2Backend(dir.resolve("bench.mv").toString()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder().database(db)
                    .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events()).build();
            System.out.printf("Ledger engine on the embedded MongoDB server (%s backend), JDK %s, %d cores%n",
                              backend, Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.println("| stored events | append (µs/op) | aggregate load, 10 events (µs/op) | stream (µs/event) |");
            System.out.println("|---:|---:|---:|---:|");
            long[] previous = null;
            int stored = 0;
            for (int target : new int[]{1_000, 50_000}) {
                stored = fill(engine, stored, target);
                if (previous == null) {
                    measure(engine, stored); // JIT warm-up pass, discarded
                }
                long[] costs = measure(engine, stored);
                System.out.printf(Locale.ROOT, "| %,d | %.0f | %.0f | %.1f |%n", stored, costs[0] / 1000.0,
                                  costs[1] / 1000.0, costs[2] / 1000.0);
                if (previous != null) {
                    System.out.printf(Locale.ROOT, "ratio 50,000 / 1,000: append %.2f, load %.2f, stream %.2f%n",
                                      (double) costs[0] / previous[0], (double) costs[1] / previous[1],
                                      (double) costs[2] / previous[2]);
                }
                previous = costs;
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static DomainEventMessage<Payload> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Bench", aggregate, seq, new Payload("108520", "note " + seq),
                                               MetaData.with("schoolUrn", "108520").and("actor", "bench"));
    }

    /** Fills the store with aggregates of 10 events up to the target count. */
    private static int fill(MongoLedgerStorageEngine engine, int stored, int target) {
        while (stored < target) {
            String aggregate = "fill-" + stored;
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int s = 0; s < EVENTS_PER_AGGREGATE; s++) {
                batch.add(event(aggregate, s));
            }
            engine.appendEvents(batch);
            stored += EVENTS_PER_AGGREGATE;
        }
        return stored;
    }

    /** Median nanoseconds over rounds: append, load, stream-per-event. Appends grow the store slightly. */
    private static long[] measure(MongoLedgerStorageEngine engine, int stored) {
        int aggregates = stored / EVENTS_PER_AGGREGATE;
        // warm-up: exercise every path before timing
        runLoads(engine, aggregates, 500);
        runStream(engine, stored / 4, 1);
        long[] append = new long[ROUNDS];
        long[] load = new long[ROUNDS];
        long[] stream = new long[ROUNDS];
        long appended = engine.lastSequenceNumberFor("appended-" + stored).orElse(-1L) + 1;
        for (int r = 0; r < ROUNDS; r++) {
            int ops = 300;
            long t0 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                // a stream of its own per store size, so loads below keep reading 10-event aggregates
                engine.appendEvents(event("appended-" + stored, appended++));
            }
            append[r] = (System.nanoTime() - t0) / ops;
            long t1 = System.nanoTime();
            runLoads(engine, aggregates, ops);
            load[r] = (System.nanoTime() - t1) / ops;
            long t2 = System.nanoTime();
            int events = runStream(engine, Math.max(0, stored / 2 - STREAMED_PER_ROUND / 2), 1);
            stream[r] = (System.nanoTime() - t2) / events;
        }
        return new long[]{median(append), median(load), median(stream)};
    }

    private static void runLoads(MongoLedgerStorageEngine engine, int aggregates, int ops) {
        for (int i = 0; i < ops; i++) {
            String aggregate = "fill-" + ((i * 104729L % aggregates) * EVENTS_PER_AGGREGATE);
            if (engine.readEvents(aggregate).asStream().count() < EVENTS_PER_AGGREGATE) {
                throw new IllegalStateException("short stream for " + aggregate);
            }
        }
    }

    private static int runStream(MongoLedgerStorageEngine engine, long from, int times) {
        int count = 0;
        for (int t = 0; t < times; t++) {
            count += (int) engine.readEvents(GapAwareTrackingToken.newInstance(from, List.of()), false)
                                 .limit(STREAMED_PER_ROUND).count();
        }
        return count;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
