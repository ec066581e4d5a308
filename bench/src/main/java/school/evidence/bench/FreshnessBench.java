package school.evidence.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Section 3: how soon a RAG judgement shows in the plan view while other writes arrive at an offered rate. */
final class FreshnessBench {

    private final Sizes sizes;
    private final Report report;
    private final ServiceWatch watch;
    private final BenchSchools fixtures;

    FreshnessBench(Sizes sizes, Report report, ServiceWatch watch, BenchSchools fixtures) {
        this.sizes = sizes;
        this.report = report;
        this.watch = watch;
        this.fixtures = fixtures;
    }

    /**
     * The freshness section's offered load: 100/s, the issue-25 target's (500/s until then), or
     * {@code BENCH_FRESHNESS_OFFERED} to see how the service bears more than it can take.
     */
    private static final int OFFERED_PER_SECOND = Integer.parseInt(
            java.util.Objects.requireNonNullElse(System.getenv("BENCH_FRESHNESS_OFFERED"), "100"));

    /** Open loop at {@link #OFFERED_PER_SECOND}; a probe measures how soon a RAG judgement shows in the plan view. */
    void run(Service service, HttpClient http) throws Exception {
        Figure.Reps p50 = new Figure.Reps();
        Figure.Reps p99 = new Figure.Reps();
        Figure.Reps achieved = new Figure.Reps();
        List<School> writers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            writers.add(fixtures.setUp(service, http));
        }
        School probe = fixtures.setUp(service, http);
        for (int rep = 0; rep < sizes.repetitions(); rep++) {
            watch.waitForProjections(service, http); // each repetition from read models that have caught up
            ExecutorService senders = Executors.newFixedThreadPool(32);
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            AtomicLong sent = new AtomicLong();
            AtomicLong accepted = new AtomicLong();
            AtomicLong skipped = new AtomicLong();
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
            long windowEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(sizes.freshnessSeconds());
            pace.scheduleAtFixedRate(() -> {
                long n = sent.incrementAndGet();
                if (!inFlight.tryAcquire()) {
                    skipped.incrementAndGet(); // the service is not keeping up: not offered, not queued
                    return;
                }
                School school = writers.get((int) (n % writers.size()));
                senders.submit(() -> {
                    try {
                        HttpResponse<Void> r = http.send(service.post("/api/schools/" + school.urn() + "/monitoring",
                                                                      BenchSchools.visit(school, (int) n)),
                                                         HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 201 && System.nanoTime() <= windowEnd) {
                            accepted.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }, 0, 1_000_000 / OFFERED_PER_SECOND, TimeUnit.MICROSECONDS);
            List<Long> lags = new ArrayList<>();
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() < windowEnd) {
                long tick = System.nanoTime();
                String rationale = "probe " + rep + "-" + (n++);
                HttpResponse<String> judged = http.send(service.post(
                        "/api/plans/" + probe.planId() + "/actions/" + probe.actionId() + "/rag",
                        "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"AMBER\",\"rationale\":\"" + rationale + "\"}"),
                        HttpResponse.BodyHandlers.ofString());
                long acknowledged = System.nanoTime();
                if (judged.statusCode() != 201) {
                    throw new IllegalStateException("Probe judgement refused: " + judged.body());
                }
                while (!shows(http, service, probe, rationale)) {
                    if (System.nanoTime() - acknowledged > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IllegalStateException("The plan view never showed " + rationale);
                    }
                }
                lags.add(System.nanoTime() - acknowledged);
                long next = tick + TimeUnit.MILLISECONDS.toNanos(100);
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pace.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
            long[] samples = lags.stream().mapToLong(Long::longValue).toArray();
            p50.add(Figure.percentile(samples, 50) / 1e6);
            p99.add(Figure.percentile(samples, 99) / 1e6);
            achieved.add((accepted.get() + n) / seconds);
            if (skipped.get() > 0) {
                System.out.printf("  freshness: %d of %d offered writes skipped, the service was at 64 in flight%n",
                                  skipped.get(), sent.get());
            }
        }
        report.add(Figure.of("3 freshness", "offered load achieved", "writes/s", achieved.values,
                             (double) OFFERED_PER_SECOND, true, OFFERED_PER_SECOND + "/s offered"));
        report.add(Figure.of("3 freshness", "2xx to visible in the plan view: p50", "ms", p50.values, null, false,
                             "at " + OFFERED_PER_SECOND + " writes/s offered"));
        report.add(Figure.of("3 freshness", "2xx to visible in the plan view: p99", "ms", p99.values, 100.0, false,
                             "at " + OFFERED_PER_SECOND + " writes/s offered"));
    }

    private static boolean shows(HttpClient http, Service service, School probe, String rationale) throws Exception {
        HttpResponse<String> plan = http.send(service.get("/api/plans/" + probe.planId()),
                                              HttpResponse.BodyHandlers.ofString());
        return plan.statusCode() == 200 && plan.body().contains(rationale);
    }
}
