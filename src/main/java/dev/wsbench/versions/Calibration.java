package dev.wsbench.versions;

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

    /** One line per calibrated row: injected against measured, and whether the run flagged it. */
    String report(List<BenchmarkRow> rows, PairedComparison c) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (spinNanos[r] == 0) {
                continue;
            }
            PairedComparison.Row row = c.rows().get(r);
            double injected = row.higherIsBetter() ? -percent : percent;
            boolean inside = row.lowPercent() <= injected && injected <= row.highPercent();
            out.append(String.format(Locale.ROOT, "calibration: %s injected %+.1f %% (spin %d ns per echo), measured %+.2f %% [%+.2f %%, %+.2f %%]: %s, %s%n",
                    rows.get(r), injected, spinNanos[r], row.changePercent(), row.lowPercent(), row.highPercent(),
                    inside ? "inside the interval" : "OUTSIDE the interval", row.regression() ? "flagged" : "not flagged"));
        }
        return out.toString();
    }
}
