package school.evidence.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole benchmark: prints one table and writes the same figures as JSON. Every figure is the median of at least
 * three repetitions (min and max beside it), at fixed sizes, after a discarded warm-up. Run it with
 * {@code bench/run.sh} (docs/measured.md); options: {@code --quick} (small sizes, a smoke run),
 * {@code --only=engines,ledger,http,store,pages} ({@code store}: sections 4, 5, 7, 11 without 1 and 3; {@code pages}: section 8; {@code cluster}: section 9, several nodes on one store), {@code --postgres=<jdbc url>} (else {@code BENCH_POSTGRES_URL}),
 * {@code --store-events=<n>} (the store of sections 4 and 5, 1,000,000 by default), {@code --school-events=<n>} (the
 * school with a year of evidence in it, of sections 5 and 11: 10,000 by default), {@code --out=<file.json>}.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Sizes standard = options.contains("--quick") ? Sizes.quick() : Sizes.full();
        Sizes stored = option(options, "--store-events=").map(v -> standard.withStoreEvents(Integer.parseInt(v)))
                                                         .orElse(standard);
        Sizes sizes = option(options, "--school-events=").map(v -> stored.withOneSchoolsEvents(Integer.parseInt(v)))
                                                         .orElse(stored);
        Set<String> only = option(options, "--only=").map(v -> Set.of(v.split(",")))
                                                     .orElse(Set.of("engines", "ledger", "http", "store", "pages", "cluster"));
        String postgres = option(options, "--postgres=").orElse(System.getenv("BENCH_POSTGRES_URL"));
        Path out = Path.of(option(options, "--out=").orElse("bench/results/latest.json"));
        Report report = new Report();
        System.out.println("Benchmark (" + sizes.name() + " sizes): " + only.stream().sorted().collect(Collectors.joining(", ")));
        if (only.contains("http") || only.contains("store")) {
            System.out.println("Sections " + (only.contains("http") ? "1, 3, " : "") + "4, 5, 7, 11: the standalone service");
            new HttpBench(sizes, report).run(HttpBench.standaloneJar(), only.contains("http"));
        }
        if (only.contains("pages")) {
            System.out.println("Section 8: the pages, rendered on the server");
            new PageBench(sizes, report).run(HttpBench.standaloneJar());
        }
        if (only.contains("cluster")) {
            System.out.println("Section 9: command-side and query-side nodes on one store");
            new ClusterBench(sizes, report).run();
        }
        if (only.contains("engines")) {
            System.out.println("Section 2: event storage engines");
            new EngineBench(sizes, report).run(postgres);
        }
        if (only.contains("ledger")) {
            System.out.println("Section 6: ledger verification and proofs");
            new LedgerBench(sizes, report).run();
        }
        Service.addThroughTheBench(report);
        System.out.println();
        System.out.println(report.table());
        report.write(out);
        Files.writeString(out.resolveSibling(out.getFileName().toString().replace(".json", ".md")), report.table());
        System.out.println("Written: " + out.toAbsolutePath());
    }

    private static java.util.Optional<String> option(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst();
    }
}
