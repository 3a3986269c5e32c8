package dev.wsbench.versions;

import com.google.gson.JsonObject;
import dev.wsbench.placement.CpuProfiler;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.results.PairedComparison;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code --calibrate PCT}: the candidate made slower by a known amount without touching the
 * library. One baseline fork per echo row (not used in the comparison) measures its time per
 * operation, and every candidate fork of that row busy-spins after each checked echo
 * ({@code client.EchoCalibration}) long enough to make its score worse by PCT: throughput x
 * (1 - PCT/100), or time per operation x (1 + PCT/100). Codec rows get no spin and should not move.
 * Both sides' echo forks then run with the CPU profiler, so the report can say whether a row that
 * moved by more than its spin did more work per echo or waited longer.
 */
final class Calibration {
    private final double percent;
    private final long[] spinNanos;
    private final double[] sizedNanosPerOp;

    private Calibration(double percent, int rows) {
        this.percent = percent;
        this.spinNanos = new long[rows];
        this.sizedNanosPerOp = new double[rows];
    }

    /** No calibration: every spin 0. */
    static Calibration none(int rows) {
        return new Calibration(0, rows);
    }

    /** Sizes the spin of every echo row from one baseline fork each, on the CPUs given (null: anywhere). */
    static Calibration size(double percent, List<BenchmarkRow> rows, ForkRunner runner, List<Integer> cpus) {
        Calibration c = new Calibration(percent, rows.size());
        double p = percent / 100;
        for (int r = 0; r < rows.size(); r++) {
            BenchmarkRow row = rows.get(r);
            if (!row.echoesThroughServer()) {
                continue;
            }
            ForkRunner.Fork sizing = runner.run(row, Schedule.Side.BASELINE, 0, String.format(Locale.ROOT, "sizing-row%02d", r + 1), cpus);
            double nanosPerOp = nanosPerOperation(sizing.sample(), sizing.unit());
            c.sizedNanosPerOp[r] = nanosPerOp;
            c.spinNanos[r] = Math.round(row.higherIsBetter() ? nanosPerOp * p / (1 - p) : nanosPerOp * p);
            System.out.printf(Locale.ROOT, "calibration: %s takes %.0f ns per operation in the baseline: the candidate spins %d ns per echo%n",
                    row, nanosPerOp, c.spinNanos[r]);
        }
        return c;
    }

    /** ns per operation from a score in {@code ops/s}, {@code ops/ms}, ... or {@code ns/op}, {@code us/op}, ... */
    static double nanosPerOperation(double score, String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("cannot read the unit '" + unit + "'");
        }
        boolean throughput = parts[0].equals("ops");
        double unitNanos = nanos(throughput ? parts[1] : parts[0]);
        return throughput ? unitNanos / score : score * unitNanos;
    }

    private static double nanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "'");
        };
    }

    boolean active() {
        return percent > 0;
    }

    long spinNanos(int row) {
        return spinNanos[row];
    }

    /** For provenance: the spin of every row. */
    String describe() {
        return String.format(Locale.ROOT, "candidate calibrated %+.1f %% (echo spin ns by row: %s)", -percent, Arrays.toString(spinNanos));
    }

    /**
     * Two lines per calibrated row. The first: injected against measured, and whether the run
     * flagged it, with the spin's share of this run's own baseline (the sizing fork ran alone, the
     * pairs did not, so the two can differ). The second: the CPU per echo of each side, median of the
     * forks ({@link CpuProfiler}): when the candidate's CPU grew by much more than its spin, the spin
     * changed what the library's threads do per echo (more wake-ups and parks with the request
     * later), which a spin in the client cannot control; when its time grew but its CPU did not, the
     * extra time was spent waiting.
     */
    String report(List<BenchmarkRow> rows, PairedComparison c, List<List<JsonObject>> baselineForks, List<List<JsonObject>> candidateForks) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (spinNanos[r] == 0) {
                continue;
            }
            PairedComparison.Row row = c.rows().get(r);
            double injected = row.higherIsBetter() ? -percent : percent;
            boolean inside = row.lowPercent() <= injected && injected <= row.highPercent();
            double baselineNanos = nanosPerOperation(row.baselineMedian(), row.unit());
            double onThisRun = 100 * (row.higherIsBetter() ? -spinNanos[r] / (baselineNanos + spinNanos[r]) : spinNanos[r] / baselineNanos);
            out.append(String.format(Locale.ROOT, "calibration: %s injected %+.1f %% (spin %d ns per echo, sized on a fork at %.0f ns per echo; "
                            + "%+.2f %% of this run's baseline median, %.0f ns), measured %+.2f %% [%+.2f %%, %+.2f %%]: %s, %s%n",
                    rows.get(r), injected, spinNanos[r], sizedNanosPerOp[r], onThisRun, baselineNanos, row.changePercent(), row.lowPercent(),
                    row.highPercent(), Double.isNaN(row.lowPercent()) ? "no interval" : inside ? "inside the interval" : "OUTSIDE the interval", row.regression() ? "flagged" : "not flagged"));
            List<JmhResult> base = parsed(baselineForks.get(r));
            List<JmhResult> cand = parsed(candidateForks.get(r));
            double[] process = {medianMetric(base, CpuProfiler.PROCESS_METRIC), medianMetric(cand, CpuProfiler.PROCESS_METRIC)};
            double[] server = {medianMetric(base, CpuProfiler.SERVER_METRIC), medianMetric(cand, CpuProfiler.SERVER_METRIC)};
            if (!Double.isNaN(process[0]) && !Double.isNaN(process[1])) {
                out.append(String.format(Locale.ROOT, "calibration:   CPU per echo, median of the forks: baseline %.2f us (server threads %.2f), "
                                + "candidate %.2f us (server threads %.2f): %+.2f us for a %.2f us spin, the server's threads %+.2f us%n",
                        process[0], server[0], process[1], server[1], process[1] - process[0], spinNanos[r] / 1e3, server[1] - server[0]));
            }
        }
        return out.toString();
    }

    /** One row's forks of one side, each fork's JSON parsed once for both CPU metrics. */
    private static List<JmhResult> parsed(List<JsonObject> forks) {
        return forks.stream().map(JmhResultFile::parse).toList();
    }

    /** The median over forks of a secondary metric's score; NaN when no fork has it. */
    static double medianMetric(List<JmhResult> forks, String metric) {
        return PairedComparison.median(forks.stream().map(f -> f.secondary().get(metric))
                .filter(v -> v != null && !Double.isNaN(v)).mapToDouble(Double::doubleValue).toArray());
    }
}
