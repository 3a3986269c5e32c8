package dev.wsbench.versions;

import dev.wsbench.results.JmhResult;
import dev.wsbench.results.PairedComparison;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows whose forks settle at separate levels (bimodal): each fork steady, but forks of the same
 * version at, say, 6 k and 13 k round trips/s. A pair interval over such a row blurs two questions,
 * so they are reported apart: the levels with each side's share of forks in each (a shift in the
 * shares, tested with Fisher's exact test), and the change within each level.
 *
 * <p>A row is split at the widest gap between its sorted log fork samples (both sides pooled) when
 * each part has at least {@link #MIN_FORKS} forks, the gap is at least {@link #MIN_GAP} and at least
 * {@link #GAP_VS_SPREAD} times the larger spread (scaled median absolute deviation) inside the parts.
 */
final class ForkLevels {
    static final int MIN_FORKS = 2;
    /** 10 %: closer levels are noise on this machine, not modes. */
    static final double MIN_GAP = Math.log(1.10);
    static final double GAP_VS_SPREAD = 4;

    /** One row split into two levels: the boundary, the forks of each side below and above it. */
    record Split(double boundary, double[] baseLow, double[] baseHigh, double[] candLow, double[] candHigh) {
        double sharesP() {
            return fisherExactTwoSided(baseHigh.length, baseLow.length, candHigh.length, candLow.length);
        }
    }

    private ForkLevels() {
    }

    /** The split of one row's fork samples, or null when they form one level. */
    static Split split(double[] baseline, double[] candidate) {
        int n = baseline.length + candidate.length;
        double[] all = new double[n];
        for (int i = 0; i < baseline.length; i++) {
            all[i] = Math.log(baseline[i]);
        }
        for (int i = 0; i < candidate.length; i++) {
            all[baseline.length + i] = Math.log(candidate[i]);
        }
        Arrays.sort(all);
        int cut = -1;
        double widest = 0;
        for (int i = MIN_FORKS; i <= n - MIN_FORKS; i++) {
            double gap = all[i] - all[i - 1];
            if (gap > widest) {
                widest = gap;
                cut = i;
            }
        }
        if (cut < 0 || widest < MIN_GAP) {
            return null;
        }
        double spread = Math.max(mad(Arrays.copyOfRange(all, 0, cut)), mad(Arrays.copyOfRange(all, cut, n)));
        if (widest < GAP_VS_SPREAD * spread) {
            return null;
        }
        double boundary = Math.exp((all[cut - 1] + all[cut]) / 2);
        return new Split(boundary, below(baseline, boundary, true), below(baseline, boundary, false), below(candidate, boundary, true),
                below(candidate, boundary, false));
    }

    /** The report of every bimodal row of a comparison; empty when there is none. */
    static String report(List<JmhResult> baseline, List<JmhResult> candidate) {
        Map<String, JmhResult> cand = new LinkedHashMap<>();
        candidate.forEach(r -> cand.put(r.key(), r));
        StringBuilder out = new StringBuilder();
        for (JmhResult base : baseline) {
            JmhResult other = cand.get(base.key());
            if (other == null) {
                continue;
            }
            Split s = split(base.forkSamples(), other.forkSamples());
            if (s == null) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "levels: %s: forks at two levels, split at %.4g %s: lower level baseline %d, candidate %d forks"
                            + " (medians %s / %s); upper level baseline %d, candidate %d (medians %s / %s); shares differ: Fisher p = %.3g;"
                            + " the pair interval above mixes both%n",
                    base.key(), s.boundary(), base.unit(), s.baseLow().length, s.candLow().length, median(s.baseLow()), median(s.candLow()),
                    s.baseHigh().length, s.candHigh().length, median(s.baseHigh()), median(s.candHigh()), s.sharesP()));
        }
        return out.toString();
    }

    private static double[] below(double[] v, double boundary, boolean low) {
        return Arrays.stream(v).filter(x -> (x < boundary) == low).toArray();
    }

    private static String median(double[] v) {
        return v.length == 0 ? "-" : String.format(Locale.ROOT, "%.4g", PairedComparison.median(v));
    }

    /** Median absolute deviation scaled to a standard deviation under normality. */
    private static double mad(double[] v) {
        double m = PairedComparison.median(v);
        return 1.4826 * PairedComparison.median(Arrays.stream(v).map(x -> Math.abs(x - m)).toArray());
    }

    /**
     * Fisher's exact test of a 2 x 2 table (a b / c d: baseline upper, lower; candidate upper,
     * lower): the probability of tables at least as unlikely as this one with the same margins.
     */
    static double fisherExactTwoSided(int a, int b, int c, int d) {
        int row1 = a + b;
        int col1 = a + c;
        int n = a + b + c + d;
        double observed = hypergeometric(a, row1, col1, n);
        double p = 0;
        for (int x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
            double px = hypergeometric(x, row1, col1, n);
            if (px <= observed * (1 + 1e-7)) {
                p += px;
            }
        }
        return Math.min(1, p);
    }

    private static double hypergeometric(int x, int row1, int col1, int n) {
        return Math.exp(logChoose(row1, x) + logChoose(n - row1, col1 - x) - logChoose(n, col1));
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
