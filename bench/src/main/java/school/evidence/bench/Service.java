package school.evidence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The standalone service in its own process (as deployed), on a data folder of the bench's. */
final class Service implements AutoCloseable {

    /** The JVM options the footprint is measured with (what docs/measured.md recommends for a school-sized node). */
    private static final List<String> DEFAULT_JVM = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
                                                            "-XX:MaxMetaspaceSize=160m", "-Xss512k");
    /** Those options, then any of {@code BENCH_SERVICE_JVM} (space-separated; a later option wins), for trying others. */
    static final List<String> JVM = Stream.concat(DEFAULT_JVM.stream(), extra("BENCH_SERVICE_JVM"))
                                                           .toList();
    /** Extra service settings from {@code BENCH_SERVICE_ARGS}, e.g. {@code --evidence.store.chunk-retention=45s}. */
    static final List<String> ARGS = extra("BENCH_SERVICE_ARGS").toList();
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("slt:demo".getBytes(StandardCharsets.UTF_8));

    /** Each service process's peak resident memory (MB) and longest GC pause (ms), for the whole-bench figures. */
    private static final List<Double> PEAKS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final List<Double> PAUSES = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Process process;
    private final Path gcLog;
    final int port;
    final double startupSeconds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Service(Process process, Path gcLog, int port, double startupSeconds) {
        this.process = process;
        this.gcLog = gcLog;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    static Service start(Path jar, Path dataDir, int port, String... more) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        Files.createDirectories(dataDir);
        Path gcLog = dataDir.resolve("gc-" + System.nanoTime() + ".log");
        command.add("-Xlog:gc:file=" + gcLog); // every pause, for the longest of the bench
        String profile = System.getenv("BENCH_SERVICE_JFR"); // a folder: each service run records a JFR profile there
        if (profile != null) {
            command.add("-XX:StartFlightRecording=filename=" + Path.of(profile).resolve("service-" + System.nanoTime()
                                                                                           + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", unpacked(jar).toString(), "--server.port=" + port, "--evidence.demo.enabled=true",
                               "--evidence.demo.schools=*", "--evidence.store.data-dir=" + dataDir,
                               "--logging.level.root=WARN"));
        command.addAll(List.of(more));
        command.addAll(ARGS);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service.log").toFile()).start();
        Service service = new Service(process, gcLog, port, 0);
        long deadline = started + Duration.ofMinutes(3).toNanos();
        while (!service.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The service did not start; see " + dataDir.resolve("service.log"));
            }
            Thread.sleep(20);
        }
        return new Service(process, gcLog, port, (System.nanoTime() - started) / 1e9);
    }

    private static final Map<Path, Path> UNPACKED = new ConcurrentHashMap<>();

    /**
     * The jar unpacked as {@code run.sh} and the images run it (Spring Boot's extracted layout), once per bench run:
     * {@code BENCH_SERVICE_PACKED=true} runs the jar itself instead, to compare.
     */
    static Path unpacked(Path jar) {
        if (Boolean.parseBoolean(System.getenv("BENCH_SERVICE_PACKED"))) {
            return jar;
        }
        return UNPACKED.computeIfAbsent(jar, packed -> {
            Path folder = packed.resolveSibling("unpacked-" + packed.getFileName().toString().replaceAll("\\.jar$", ""));
            try {
                Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                     "-Djarmode=tools", "-jar", packed.toString(), "extract",
                                                     "--destination", folder.toString(), "--force")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (extract.waitFor() != 0) {
                    throw new IllegalStateException("Could not unpack " + packed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return folder.resolve(packed.getFileName());
        });
    }

    private static Stream<String> extra(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Stream.empty()
                : Arrays.stream(value.trim().split("\\s+"));
    }

    private boolean ready() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build(),
                                               HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH).timeout(Duration.ofSeconds(30));
    }

    HttpRequest post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpRequest get(String path) {
        return request(path).GET().build();
    }

    /** Resident memory of the service process (Linux), in MB. */
    double residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** CPU time the service process has used so far (user and system, Linux), in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in clock ticks
    }

    /** The highest resident memory the process has had (Linux's VmHWM), in MB. */
    private double peakMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN; // already gone
        }
        return Double.NaN;
    }

    /** The longest pause in a unified GC log ({@code ... Pause Young (Allocation Failure) 40M->9M(64M) 3.456ms}). */
    static double longestPauseMillis(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(gcLog)) {
            return lines.filter(l -> l.contains(" Pause ") && l.endsWith("ms"))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1, l.length() - 2)))
                        .max().orElse(0);
        }
    }

    /** Over every service process the bench ran: the peak resident memory and the longest GC pause. */
    static void addThroughTheBench(Report report) {
        if (PEAKS.isEmpty()) {
            return;
        }
        String note = PEAKS.size() + " service processes, JVM " + String.join(" ", JVM);
        report.add(Figure.of("10 through the bench", "peak resident memory of any service process", "MB",
                             List.of(PEAKS.stream().mapToDouble(Double::doubleValue).max().orElseThrow()), 400.0,
                             false, note));
        report.add(Figure.of("10 through the bench", "longest GC pause of any service process", "ms",
                             List.of(PAUSES.stream().mapToDouble(Double::doubleValue).max().orElse(0)), 100.0,
                             false, note + "; from -Xlog:gc"));
    }

    /** From the last stop signal to the process's exit (its store compacted meanwhile); killed after 30 s. */
    static volatile double lastShutdownSeconds = Double.NaN;

    @Override
    public void close() throws InterruptedException {
        double peak = peakMegabytes();
        if (!Double.isNaN(peak)) {
            PEAKS.add(peak);
        }
        long stopping = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        lastShutdownSeconds = (System.nanoTime() - stopping) / 1e9;
        try {
            PAUSES.add(longestPauseMillis(gcLog));
        } catch (IOException | NumberFormatException e) {
            System.out.println("  could not read the GC log " + gcLog + ": " + e.getMessage());
        }
    }
}
