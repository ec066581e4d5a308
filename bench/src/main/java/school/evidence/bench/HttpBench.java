package school.evidence.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sections 1, 3 and 7, over HTTP against the standalone service in its own process (demo users, embedded store on
 * disk, as a school would run it):
 * <ol>
 * <li>the write path: each client has its own school and plan and records realistic monitoring (lesson visits with
 * findings, linked to a plan action) with a RAG judgement after every fourth, as fast as replies come; 1, 8 and 32
 * clients; throughput and latency percentiles;</li>
 * <li>freshness: a steady 100 writes/s (a busy school's peak, the issue-25 target's load) while a probe judges an action's RAG ten times a second and reads the plan
 * view until it shows that judgement: time from the write's 2xx to seeing it;</li>
 * <li>a store filled with lesson visits of 100+ schools through the ledger engine while the service is stopped, on
 * top of whatever the loads wrote: first to 100,000 events for the footprint (start-up to ready, resident memory
 * after reads, the store file), then to 1,000,000 with one school's year of 10,000 among them for the rebuild (every
 * projection catching up from those events, events/s; the ledger's Merkle index on its own) and as-of reads of the
 * big school (its plan, a page of its monitoring list and the whole list, p50/p99).</li>
 * </ol>
 */
final class HttpBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Sizes sizes;
    private final Report report;
    private final BenchSchools fixtures = new BenchSchools();
    private final ServiceWatch watch = new ServiceWatch();

    HttpBench(Sizes sizes, Report report) {
        this.sizes = sizes;
        this.report = report;
    }

    /** {@code loads}: sections 1 and 3 first; without them only the stored-data sections 4, 5 and 7 run. */
    void run(Path jar, boolean loads) throws Exception {
        Path data = Files.createTempDirectory("http-bench");
        int port = 18080 + (int) (ProcessHandle.current().pid() % 1000);
        long written;
        List<School> stored = new ArrayList<>();
        try (Service service = Service.start(jar, data, port)) {
            System.out.printf(" service started in %.1f s (empty store)%n", service.startupSeconds);
            HttpClient http = HttpClient.newHttpClient();
            if (loads) {
                loads(service, http);
            }
            for (int i = 0; i < sizes.storeSchools(); i++) {
                stored.add(fixtures.setUp(service, http));
            }
            written = watch.events(service, http);
        }
        stored(jar, data, port, stored, written);
    }

    private void loads(Service service, HttpClient http) throws Exception {
        writePath(service, 1, 50); // JIT warm-up, discarded
        writePath(service, 8, 200);
        for (int clients : new int[]{1, 8, 32}) {
            watch.waitForProjections(service, http);
            Figure.Reps throughput = new Figure.Reps();
            Figure.Reps p50 = new Figure.Reps();
            Figure.Reps p99 = new Figure.Reps();
            Figure.Reps cpu = new Figure.Reps();
            Figure.Reps trips = new Figure.Reps();
            for (int rep = 0; rep < sizes.repetitions(); rep++) {
                double cpuBefore = service.cpuSeconds();
                double tripsBefore = watch.roundTrips(service, http);
                Load load = writePath(service, clients, 0);
                throughput.add(load.perSecond());
                p50.add(load.percentile(50));
                p99.add(load.percentile(99));
                // what the writes cost the whole service, projections included: counted once they have caught up
                watch.waitForProjections(service, http);
                cpu.add((service.cpuSeconds() - cpuBefore) * 1000 / load.acknowledged());
                trips.add((watch.roundTrips(service, http) - tripsBefore) / load.acknowledged());
            }
            String who = clients + " client" + (clients == 1 ? "" : "s");
            report.add(Figure.of("1 write path", who + ": CPU per acknowledged write", "ms", cpu.values,
                                 clients <= 8 ? 3.0 : null, false, "the service process's CPU time from the first "
                                         + "write until its read models caught up, over the writes acknowledged"));
            report.add(Figure.of("1 write path", who + ": store round trips per acknowledged write", "trips", trips.values,
                                 null, false, "the driver's commands (mongodb.driver.commands), projections included"));
            boolean eight = clients == 8;
            report.add(Figure.of("1 write path", clients + " client" + (clients == 1 ? "" : "s") + ": throughput",
                                 "writes/s", throughput.values, eight ? 3000.0 : null, true, null));
            report.add(Figure.of("1 write path", clients + " client" + (clients == 1 ? "" : "s") + ": p50",
                                 "ms", p50.values, null, false, null));
            report.add(Figure.of("1 write path", clients + " client" + (clients == 1 ? "" : "s") + ": p99",
                                 "ms", p99.values, eight ? 25.0 : null, false, null));
        }
        watch.waitForProjections(service, http);
        new FreshnessBench(sizes, report, watch, fixtures).run(service, http);
    }

    private void stored(Path jar, Path data, int port, List<School> stored, long written) throws Exception {
        // the store is filled directly through the ledger engine while the service is stopped (at the service's
        // HTTP rate this would take hours): lesson visits of the schools, as the service would have stored them.
        // First to the footprint's size (section 7 is measured after loading 100,000 events), then to the full size
        // with one school's year among them (sections 4 and 5)
        long total = written + StoreFill.lessonVisits(data.resolve("evidence.mv"), stored,
                                                      sizes.footprintEvents() - written, 0);
        String footprintStore = String.format("%,d", total) + " events of " + fixtures.made() + " schools";
        double running;
        try (Service service = Service.start(jar, data, port)) {
            watch.catchUp(service, HttpClient.newHttpClient());
            running = megabytes(data.resolve("evidence.mv"));
        }
        footprint(jar, data, port, footprintStore, running, Service.lastShutdownSeconds);

        // the rest, always at least the big school's year (a fast write path once wrote more than the store's size,
        // so nothing was filled: no big school, nothing to catch up)
        long rest = Math.max(sizes.storeEvents() - total, sizes.oneSchoolsEvents());
        total += StoreFill.lessonVisits(data.resolve("evidence.mv"), stored, rest, sizes.oneSchoolsEvents());
        Instant filledAt = Instant.now();
        String store = String.format("%,d", total) + " events of " + fixtures.made() + " schools";
        double catchUp;
        try (Service service = Service.start(jar, data, port)) {
            HttpClient http = HttpClient.newHttpClient();
            long start = System.nanoTime();
            long behind = watch.catchUp(service, http);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(" restarted on %,d events: projections caught up with %,d new events in %.1f s%n",
                              total, behind, seconds);
            if (behind < rest / 2) {
                throw new IllegalStateException("Only " + behind + " events to catch up after filling " + rest
                                                        + ": the fill did not reach the service");
            }
            // every projection builds from those events as it would in a rebuild: one long run, not repeated. The
            // ledger's Merkle index is not a projection a rebuild replays (its positions are permanent), so it is
            // reported on its own
            double projections = watch.caughtUp().entrySet().stream().filter(e -> !e.getKey().equals("ledger-index"))
                                         .mapToDouble(java.util.Map.Entry::getValue).max().orElse(seconds);
            double ledgerIndex = watch.caughtUp().getOrDefault("ledger-index", seconds);
            String note = "store of " + store + "; one run; times read every 2 s from the lag meters";
            catchUp = behind / projections;
            report.add(Figure.of("4 rebuild", "all projections from " + String.format("%,d", behind) + " events",
                                 "events/s", List.of(catchUp), 3_000.0, true,
                                 note + " (" + String.format("%.0f", projections) + " s; store page cache hits "
                                         + watch.pageCacheHits() + "%)"));
            report.add(Figure.of("4 rebuild", "ledger index from the same events", "events/s",
                                 List.of(behind / ledgerIndex), null, true,
                                 note + " (" + String.format("%.0f", ledgerIndex) + " s)"));
            asOf(service, http, stored.get(0), filledAt, store);
            new ErasureBench(sizes, report, watch).run(service, http, stored.get(0), store);
        }
        // what bounds any catch-up: the engine reading and deserializing the same store, nothing projected
        double replay = StoreFill.replayRate(data.resolve("evidence.mv"));
        report.add(Figure.of("4 rebuild", "the engine's streaming replay of the same store", "events/s",
                             List.of(replay), null, true, "store of " + store + "; every payload deserialized; one run"));
        report.add(Figure.of("4 rebuild", "all projections ÷ the engine's replay", "×", List.of(catchUp / replay),
                             0.05, true, "same store, same run"));
    }

    /** Section 7 on the store of {@code footprintEvents}: start-up, resident memory after reads, the file's size. */
    private void footprint(Path jar, Path data, int port, String store, double running, double shutdown)
            throws Exception {
        // an operator's disk: the file while the service ran, and after its shutdown (which compacts the file)
        report.add(Figure.of("7 footprint", "store file while running", "MB", List.of(running), null, false,
                             "store of " + store + "; one run"));
        report.add(Figure.of("7 footprint", "store file after shutdown", "MB",
                             List.of(megabytes(data.resolve("evidence.mv"))), null, false, "store of " + store
                                     + "; one run"));
        report.add(Figure.of("7 footprint", "shutdown, from the stop signal to exit (the file compacted)", "s",
                             List.of(shutdown), null, false, "store of " + store + "; one run; killed after 30 s"));
        Figure.Reps startup = new Figure.Reps();
        Figure.Reps rss = new Figure.Reps();
        for (int rep = 0; rep < sizes.repetitions(); rep++) {
            try (Service service = Service.start(jar, data, port)) {
                startup.add(service.startupSeconds);
                HttpClient http = HttpClient.newHttpClient();
                School some = fixtures.setUp(service, http);
                for (int i = 0; i < 200; i++) { // a few reads of a plan and a school's monitoring
                    http.send(service.get("/api/plans/" + some.planId()), HttpResponse.BodyHandlers.discarding());
                }
                rss.add(service.residentMegabytes());
                if (rep == sizes.repetitions() - 1) {
                    idle(service, store);
                }
            }
        }
        String note = "store of " + store + "; JVM " + String.join(" ", Service.JVM)
                + (Service.ARGS.isEmpty() ? "" : "; " + String.join(" ", Service.ARGS))
                + (Service.unpacked(jar).equals(jar) ? "; the jar itself" : "; the jar unpacked");
        report.add(Figure.of("7 footprint", "start-up to ready", "s", startup.values, 10.0, false, note));
        report.add(Figure.of("7 footprint", "resident memory after start-up and reads", "MB", rss.values, 400.0, false,
                             note));
    }

    /**
     * The last start left alone for four minutes after its reads: the share of one core it uses in each minute. The
     * first minute still holds the JIT compiler's work on what the reads ran; the target is judged on the three after.
     */
    private void idle(Service service, String store) throws Exception {
        List<Double> minutes = new ArrayList<>();
        for (int minute = 0; minute < 4; minute++) {
            double before = service.cpuSeconds();
            Thread.sleep(60_000);
            minutes.add((service.cpuSeconds() - before) / 60 * 100);
        }
        String note = "store of " + store + "; the last start, after its reads; one value per minute";
        report.add(Figure.of("7 footprint", "CPU of an idle service, the first minute", "% of a core",
                             minutes.subList(0, 1), null, false, note));
        report.add(Figure.of("7 footprint", "CPU of an idle service, minutes 2 to 4", "% of a core",
                             minutes.subList(1, 4), 1.0, false, note));
    }

    /**
     * The school with a year of evidence, read as it stood at an instant: its plan (every action's RAG and the
     * evidence behind it) and its monitoring list, a page of it (as a screen would) and the whole of it. Latency
     * percentiles of each repetition's reads.
     */
    private void asOf(Service service, HttpClient http, School school, Instant at, String store) throws Exception {
        String[][] reads = {
                {"plan", "/api/plans/" + school.planId() + "?asOf=" + at, "40", "100"},
                {"monitoring list, a page of 100 of " + String.format("%,d", sizes.oneSchoolsEvents()) + " records",
                        "/api/schools/" + school.urn() + "/monitoring?asOf=" + at + "&page=1&size=100", "40", "100"},
                {"whole monitoring list (" + String.format("%,d", sizes.oneSchoolsEvents()) + " records)",
                        "/api/schools/" + school.urn() + "/monitoring?asOf=" + at, "5", "300"},
                // beside them, what a leader reads every day: the same page of the list as it is now, and the whole of
                // it (no targets: peers of the past reads in the same run)
                {"live monitoring list (not as of), a page of 100",
                        "/api/schools/" + school.urn() + "/monitoring?page=1&size=100", "40", null},
                {"whole live monitoring list (not as of)",
                        "/api/schools/" + school.urn() + "/monitoring", "5", null}};
        for (String[] read : reads) {
            for (int i = 0; i < 3; i++) { // warm-up
                get(http, service, read[1]);
            }
            Figure.Reps p50 = new Figure.Reps();
            Figure.Reps p99 = new Figure.Reps();
            for (int rep = 0; rep < sizes.repetitions(); rep++) {
                long[] samples = new long[Integer.parseInt(read[2])];
                for (int i = 0; i < samples.length; i++) {
                    long start = System.nanoTime();
                    get(http, service, read[1]);
                    samples[i] = System.nanoTime() - start;
                }
                p50.add(Figure.percentile(samples, 50) / 1e6);
                p99.add(Figure.percentile(samples, 99) / 1e6);
            }
            String note = "one school's " + String.format("%,d", sizes.oneSchoolsEvents()) + " events in a store of "
                    + store;
            report.add(Figure.of("5 as-of", read[0] + ": p50", "ms", p50.values, null, false, note));
            report.add(Figure.of("5 as-of", read[0] + ": p99", "ms", p99.values,
                                 read[3] == null ? null : Double.valueOf(read[3]), false, note));
        }
    }

    private static double megabytes(Path file) throws IOException {
        return Files.size(file) / (1024.0 * 1024.0);
    }

    private static void get(HttpClient http, Service service, String path) throws Exception {
        HttpResponse<String> reply = http.send(service.request(path).timeout(Duration.ofMinutes(5)).GET().build(),
                                               HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
        }
    }

    /** Closed loop: each client writes as soon as its last write was answered. */
    private Load writePath(Service service, int clients, int fixedWrites) throws Exception {
        return writePath(List.of(service), clients, fixedWrites);
    }

    /** Clients spread in turn over the nodes, each writing to its own school, for the set time or writes. */
    Load writePath(List<Service> nodes, int clients, int fixedWrites) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<School> mine = new ArrayList<>();
        HttpClient setup = HttpClient.newHttpClient();
        for (int c = 0; c < clients; c++) {
            mine.add(fixtures.setUp(nodes.get(c % nodes.size()), setup));
        }
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long durationNanos = TimeUnit.SECONDS.toNanos(sizes.httpSeconds());
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            School school = mine.get(c);
            Service service = nodes.get(c % nodes.size());
            int writesEach = fixedWrites == 0 ? Integer.MAX_VALUE : Math.max(1, fixedWrites / clients);
            running.add(pool.submit(() -> {
                HttpClient http = HttpClient.newHttpClient();
                List<Long> latencies = new ArrayList<>();
                String lastActivity = null;
                for (int i = 0; i < writesEach && (fixedWrites > 0 || System.nanoTime() - start < durationNanos); i++) {
                    HttpRequest request = i % 5 == 4
                            ? service.post("/api/plans/" + school.planId() + "/actions/" + school.actionId(i - 1)
                                                   + "/rag", BenchSchools.rag(i, lastActivity))
                            : service.post("/api/schools/" + school.urn() + "/monitoring", BenchSchools.visit(school, i));
                    long sent = System.nanoTime();
                    HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - sent);
                    if (reply.statusCode() != 201) {
                        if (failures.incrementAndGet() == 1) {
                            System.out.println("  first refusal: " + reply.statusCode() + " " + reply.body());
                        }
                    } else if (i % 5 != 4) {
                        lastActivity = JSON.readTree(reply.body()).path("activityId").asText();
                    }
                }
                samples.add(latencies.stream().mapToLong(Long::longValue).toArray());
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failures.get() > 0) {
            System.out.println("  " + failures.get() + " writes were not accepted");
        }
        long[] all = samples.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Load(all, seconds, failures.get());
    }

    record Load(long[] latenciesNanos, double seconds, int failures) {
        double perSecond() {
            return acknowledged() / seconds;
        }

        double acknowledged() {
            return Math.max(1, latenciesNanos.length - failures);
        }

        double percentile(double p) {
            return Figure.percentile(latenciesNanos, p) / 1e6;
        }
    }

    static Path standaloneJar() {
        Path target = Path.of("deploy/standalone/target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("standalone-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Build it first: no standalone jar in " + target));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Build it first: no " + target, e);
        }
    }

}
