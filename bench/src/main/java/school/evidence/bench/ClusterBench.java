package school.evidence.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.Binary;
import school.evidence.ledger.LedgerReader;
import school.evidence.store.DurableH2Backend;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Section 9: the service as two kinds of node on one shared store (the embedded store's disk backend served on a
 * port, standing in for a replica set: there is no MongoDB here). The write path through one and through two command-side nodes,
 * and a catch-up of the same store by one and by two query-side nodes sharing each read model's work (two segments).
 * On 2 cores the point is that the work is shared, not that it goes faster. Each node's resident memory and CPU are
 * what docs/operating.md sizes the deployments by.
 */
final class ClusterBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECTION = "9 several nodes";

    private final Sizes sizes;
    private final Report report;
    private final HttpBench load;
    private final BenchSchools fixtures = new BenchSchools(300_000); // beside the write path's own

    ClusterBench(Sizes sizes, Report report) {
        this.sizes = sizes;
        this.report = report;
        this.load = new HttpBench(sizes, report);
    }

    void run() throws Exception {
        Path data = Files.createTempDirectory("cluster-bench");
        // the embedded store's own disk backend (its indexes), served on a port to every node
        MongoServer store = new MongoServer(DurableH2Backend.open(data.resolve("shared.mv").toString(),
                                                                  Duration.ofSeconds(45), collection -> false));
        String uri = "mongodb://127.0.0.1:" + store.bind().getPort() + "/evidence";
        int port = 19080 + (int) (ProcessHandle.current().pid() % 500);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase("evidence");
            List<School> schools = writes(jar("command-side"), data, port, uri);
            StoreFill.lessonVisits(db, schools, sizes.clusterEvents(), 0);
            Set<String> ledger = new HashSet<>();
            db.listCollectionNames().into(ledger); // what the command side and the fill made: kept between runs,
            ledger.removeAll(List.of("trackingtokens", "cluster_nodes")); // but not positions (the command side
            // makes the token store's collection too): each catch-up starts from the first event
            long head = head(db);
            double one = catchUp(db, ledger, head, data, port + 10, uri, 1);
            double two = catchUp(db, ledger, head, data, port + 20, uri, 2);
            report.add(new Figure(SECTION, "catch-up, two query nodes ÷ one", "×", two / one, two / one, two / one, 1,
                                  null, true, "same store, same run"));
        } finally {
            store.shutdownNow();
        }
    }

    /** The write path with eight clients through one command node, then through two, on the same store. */
    private List<School> writes(Path jar, Path data, int port, String uri) throws Exception {
        List<School> schools = new ArrayList<>();
        try (Service first = node(jar, data.resolve("c1"), port, uri);
             Service second = node(jar, data.resolve("c2"), port + 1, uri)) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 10; i++) {
                schools.add(fixtures.setUp(i % 2 == 0 ? first : second, http));
            }
            load.writePath(List.of(first, second), 8, 400); // warm-up, discarded
            for (List<Service> nodes : List.of(List.of(first), List.of(first, second))) {
                Figure.Reps throughput = new Figure.Reps();
                Figure.Reps p99 = new Figure.Reps();
                Figure.Reps cpu = new Figure.Reps();
                for (int rep = 0; rep < sizes.repetitions(); rep++) {
                    double before = first.cpuSeconds() + second.cpuSeconds();
                    HttpBench.Load run = load.writePath(nodes, 8, 0);
                    throughput.add(run.perSecond());
                    p99.add(run.percentile(99));
                    cpu.add((first.cpuSeconds() + second.cpuSeconds() - before) * 1000
                                    / (run.latenciesNanos().length - run.failures()));
                }
                String n = nodes.size() == 1 ? "one command node" : "two command nodes";
                report.add(Figure.of(SECTION, "write path, 8 clients, " + n + ": throughput", "writes/s",
                                     throughput.values, null, true, null));
                report.add(Figure.of(SECTION, "write path, 8 clients, " + n + ": p99", "ms", p99.values, null, false,
                                     null));
                report.add(Figure.of(SECTION, "write path, 8 clients, " + n + ": command-side CPU per write", "ms",
                                     cpu.values, null, false, null));
            }
            report.add(Figure.of(SECTION, "command node resident memory after the writes", "MB",
                                 List.of(first.residentMegabytes(), second.residentMegabytes()), null, false, null));
        }
        return schools;
    }

    /** Seconds from start until {@code count} query nodes, started together on empty read models, reach the head. */
    private double catchUp(MongoDatabase db, Set<String> ledger, long head, Path data, int port, String uri, int count)
            throws Exception {
        for (String name : db.listCollectionNames().into(new ArrayList<>())) {
            if (!ledger.contains(name)) {
                db.getCollection(name).drop(); // read models and positions of the last run
            }
        }
        Path jar = jar("query-side");
        long started = System.nanoTime();
        List<Service> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                nodes.add(node(jar, data.resolve("q" + count + i), port + i, uri,
                               "--evidence.processors.segments=2", "--evidence.processors.claim-interval=PT1S",
                               "--evidence.processors.coordination-interval=PT1S"));
            }
            long deadline = started + TimeUnit.MINUTES.toNanos(60);
            while (!caughtUp(db, head)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The query nodes did not catch up within an hour");
                }
                Thread.sleep(250);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String n = count == 1 ? "one query node" : "two query nodes";
            report.add(new Figure(SECTION, "catch-up of " + head + " events, " + n, "events/s", head / seconds,
                                  head / seconds, head / seconds, 1, null, true,
                                  String.format("%.0f s from start, start-up included", seconds)));
            List<Double> rss = new ArrayList<>();
            double cpu = 0;
            for (Service node : nodes) {
                rss.add(node.residentMegabytes());
                cpu += node.cpuSeconds();
            }
            report.add(Figure.of(SECTION, "query node resident memory after the catch-up, " + n, "MB", rss, null,
                                 false, null));
            report.add(new Figure(SECTION, "query-side CPU for the catch-up, " + n, "s", cpu, cpu, cpu, 1, null,
                                  false, "all nodes, start-up included"));
            return head / seconds;
        } finally {
            for (Service node : nodes) {
                node.close();
            }
        }
    }

    /** Every segment of every read model has stored a position at or past the head. */
    private static boolean caughtUp(MongoDatabase db, long head) throws Exception {
        int tokens = 0;
        for (Document token : db.getCollection("trackingtokens").find()) {
            tokens++;
            Object data = token.get("token");
            if (!(data instanceof Binary binary)) {
                return false;
            }
            var json = JSON.readTree(binary.getData()); // a fresh read model replays: Axon's ReplayToken wraps it
            long index = (json.has("currentToken") ? json.path("currentToken") : json).path("index").asLong(-1);
            if (index < head) {
                return false;
            }
        }
        return tokens > 0;
    }

    private static long head(MongoDatabase db) {
        return LedgerReader.of(db).lastReservedPosition();
    }

    private static Service node(Path jar, Path data, int port, String uri, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.data.mongodb.uri=" + uri));
        args.addAll(List.of(more));
        return Service.start(jar, data, port, args.toArray(String[]::new));
    }

    static Path jar(String side) {
        Path target = Path.of(side, "target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(side + "-.*-exec\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Build it first: no " + side + " jar in " + target));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Build it first: no " + target, e);
        }
    }
}
