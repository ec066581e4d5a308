package school.evidence.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Watches a running service through its published meters: how far behind its projections are, and its store. */
final class ServiceWatch {

    /** When each projection first showed no lag in the last catch-up, seconds after it began. */
    private final java.util.Map<String, Double> caughtUp = new java.util.LinkedHashMap<>();
    /** The embedded store's commits during the last catch-up (its chunks-written meter, first and last scrape). */
    private double chunksAtStart;
    private double chunksWritten;
    /** The embedded store's page cache hit ratio (percent, since the service started) at the last scrape. */
    private String pageCacheHits = "?";

    Map<String, Double> caughtUp() {
        return caughtUp;
    }

    double chunksWritten() {
        return chunksWritten;
    }

    String pageCacheHits() {
        return pageCacheHits;
    }

    /** Each load starts with the read side caught up with the last (the write path outruns the projections). */
    void waitForProjections(Service service, HttpClient http) throws Exception {
        long start = System.nanoTime();
        long behind = catchUp(service, http);
        if (behind > 0) {
            System.out.printf("  (projections were %,d events behind; caught up in %.1f s)%n", behind,
                              (System.nanoTime() - start) / 1e9);
        }
    }

    /** Waits until no projection is behind the ledger; how many events the most-behind one had to catch up. */
    long catchUp(Service service, HttpClient http) throws Exception {
        long most = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(90);
        long fewest = Long.MAX_VALUE;
        long lastProgress = System.nanoTime();
        long started = System.nanoTime();
        caughtUp.clear();
        chunksAtStart = Double.NaN;
        chunksWritten = 0;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Projections did not catch up within 90 minutes");
            }
            if (System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(5)) {
                // a processor in error retry never catches up: say so instead of waiting out the deadline
                throw new IllegalStateException("Projections made no progress for 5 minutes (" + fewest
                                                        + " events behind); see the service log");
            }
            HttpResponse<String> metrics;
            try {
                metrics = http.send(service.get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException busy) {
                continue; // the service is busy catching up; ask again
            }
            long behind = 0;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("evidence_store_chunks_written_total")) {
                    double chunks = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    chunksAtStart = Double.isNaN(chunksAtStart) ? chunks : chunksAtStart;
                    chunksWritten = chunks - chunksAtStart;
                }
                if (line.startsWith("evidence_store_page_cache_hits_percent")) {
                    pageCacheHits = line.substring(line.lastIndexOf(' ') + 1);
                }
                if (line.startsWith("evidence_processor_lag_events{")) {
                    long lag = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    behind = Math.max(behind, lag);
                    // one processor feeds the read models: name each by its projection tag where there is one
                    String processor = line.contains("projection=\"")
                            ? line.replaceAll(".*projection=\"([^\"]+)\".*", "$1")
                            : line.replaceAll(".*processor=\"([^\"]+)\".*", "$1");
                    if (lag == 0 && !caughtUp.containsKey(processor)) {
                        caughtUp.put(processor, (System.nanoTime() - started) / 1e9);
                    }
                }
            }
            most = Math.max(most, behind);
            if (behind == 0) {
                if (most > 1_000) { // which projections set the pace of a long catch-up
                    System.out.println("  caught up after (s): " + caughtUp);
                    System.out.printf("  store commits (chunks written) meanwhile: %,.0f; page cache hits %s%%%n",
                                      chunksWritten, pageCacheHits);
                }
                return most;
            }
            if (behind < fewest) {
                fewest = behind;
                lastProgress = System.nanoTime();
            }
            Thread.sleep(most > 1_000 ? 2_000 : 500); // a scrape is not free: poll a long catch-up less often
        }
    }

    /** Every command the service has sent its store so far (Micrometer's meter of the MongoDB driver). */
    double roundTrips(Service service, HttpClient http) throws Exception {
        HttpResponse<String> metrics = http.send(service.get("/actuator/prometheus"),
                                                 HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("mongodb_driver_commands_seconds_count{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    long events(Service service, HttpClient http) throws Exception {
        HttpResponse<String> metrics = http.send(service.get("/actuator/prometheus"),
                                                 HttpResponse.BodyHandlers.ofString());
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("evidence_ledger_events_reserved_total")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
