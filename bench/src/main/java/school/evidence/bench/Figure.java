package school.evidence.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One measured figure: the median of its repetitions with their min and max, the target it is judged against (if
 * any) and whether the median meets it.
 *
 * @param higherIsBetter throughput (true) or a latency / time / memory (false)
 */
public record Figure(String section, String name, String unit, double median, double min, double max, int repetitions,
                     Double target, boolean higherIsBetter, String note) {

    public static Figure of(String section, String name, String unit, List<Double> values, Double target,
                            boolean higherIsBetter, String note) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new Figure(section, name, unit, median, sorted[0], sorted[sorted.length - 1], sorted.length, target,
                          higherIsBetter, note);
    }

    public Boolean met() {
        if (target == null) {
            return null;
        }
        return higherIsBetter ? median >= target : median <= target;
    }

    /** Percentile (0..100) of raw samples, nearest rank. */
    static double percentile(long[] samples, double p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Collects one value per repetition. */
    static final class Reps {
        final List<Double> values = new ArrayList<>();

        void add(double v) {
            values.add(v);
        }
    }
}
