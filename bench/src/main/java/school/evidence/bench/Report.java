package school.evidence.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of one run: printed as a Markdown table, written as JSON with the machine it ran on. */
final class Report {

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Instant started = Instant.now();

    Report() {
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + Runtime.version());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        // the code measured: run.sh passes the commit, marked when the work tree had changes
        machine.put("commit", System.getenv().getOrDefault("BENCH_COMMIT", "unknown"));
    }

    void add(Figure figure) {
        figures.add(figure);
        System.out.println("  " + line(figure));
    }

    List<Figure> figures() {
        return figures;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(started).append(" on ").append(machine).append("\n\n");
        out.append("| section | figure | median | min | max | reps | target | met |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|:---:|\n");
        for (Figure f : figures) {
            out.append("| ").append(f.section()).append(" | ").append(f.name()).append(f.note() == null ? "" : " (" + f.note() + ")")
               .append(" | ").append(num(f.median())).append(' ').append(f.unit())
               .append(" | ").append(num(f.min())).append(" | ").append(num(f.max()))
               .append(" | ").append(f.repetitions())
               .append(" | ").append(f.target() == null ? "" : (f.higherIsBetter() ? "≥ " : "≤ ") + num(f.target()))
               .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    void write(Path json) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("startedAt", started.toString());
        all.put("finishedAt", Instant.now().toString());
        all.put("machine", machine);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", f.section());
            row.put("figure", f.name());
            row.put("unit", f.unit());
            row.put("median", f.median());
            row.put("min", f.min());
            row.put("max", f.max());
            row.put("repetitions", f.repetitions());
            row.put("target", f.target());
            row.put("higherIsBetter", f.higherIsBetter());
            row.put("met", f.met());
            row.put("note", f.note());
            rows.add(row);
        }
        all.put("figures", rows);
        Files.createDirectories(json.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), all);
    }

    private static String line(Figure f) {
        return f.section() + " / " + f.name() + ": " + num(f.median()) + " " + f.unit() + " (min " + num(f.min())
                + ", max " + num(f.max()) + ", " + f.repetitions() + " reps)"
                + (f.met() == null ? "" : f.met() ? " target met" : " TARGET MISSED");
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
