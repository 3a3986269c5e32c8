package dev.wsbench.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Two runs compared the way benchstat compares them: for every benchmark and parameter set present
 * in both, the median of each side with a distribution-free 95 % confidence interval, the change
 * of the median, and a two-sided Mann-Whitney U test over all samples of all forks (one per
 * measurement iteration: its score, or in sample-time mode its mean operation time; or one per fork
 * with {@code perFork}). The p-values of all rows are corrected with Holm's method; a change whose
 * corrected p-value is 0.05 or more is shown as {@code ~}. Direction-aware: a regression is a significant fall in throughput or rise in
 * time per operation.
 *
 * <p>The test is Apache Commons Statistics' {@code MannWhitneyUTest} with {@code PValueMethod.AUTO}
 * (the exact distribution for small samples without ties — Commons' AUTO limit is 50 — else the
 * normal approximation with the tie-corrected variance), {@code ContinuityCorrection.ENABLED} (0.5,
 * applies to the normal approximation) and {@code AlternativeHypothesis.TWO_SIDED}.
 */
public final class Comparison {
    public static final double ALPHA = 0.05;
    public static final int MIN_SAMPLES = 10;

    static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED)
            .with(PValueMethod.AUTO)
            .with(ContinuityCorrection.ENABLED);

    /** One side of a row: sample count, median, and the 95 % interval of the median (NaN when too few samples). */
    public record Side(int n, double median, double low, double high) {
        static Side of(double[] samples) {
            double[] s = samples.clone();
            Arrays.sort(s);
            int n = s.length;
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            int k = medianCiRank(n);
            return k < 1 ? new Side(n, median, Double.NaN, Double.NaN) : new Side(n, median, s[k - 1], s[n - k]);
        }
    }

    /**
     * A compared benchmark; {@code p} is the row's own p-value, {@code pAdjusted} the same after
     * Holm's correction over all rows of the comparison (NaN when a side has no samples).
     */
    public record Row(String key, String unit, boolean higherIsBetter, Side baseline, Side candidate, double changePercent, double p,
                      double pAdjusted) {
        /** Significant after the multiple-comparison correction: with many rows, one in twenty would otherwise pass by chance. */
        public boolean significant() {
            return pAdjusted < ALPHA;
        }

        /** Significant and in the worse direction. */
        public boolean regression() {
            return significant() && (higherIsBetter ? changePercent < 0 : changePercent > 0);
        }

        public boolean fewSamples() {
            return baseline.n() < MIN_SAMPLES || candidate.n() < MIN_SAMPLES;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> onlyInBaseline = new ArrayList<>();
    private final List<String> onlyInCandidate = new ArrayList<>();

    public static Comparison of(List<JmhResult> baseline, List<JmhResult> candidate) {
        return of(baseline, candidate, false);
    }

    /**
     * @param perFork test one sample per fork (the median of its iterations) instead of every
     *                iteration: slower to reach significance (the exact test needs 4+ forks a side
     *                for p < 0.05), but not fooled by forks that settle into different states
     */
    public static Comparison of(List<JmhResult> baseline, List<JmhResult> candidate, boolean perFork) {
        Comparison c = new Comparison();
        Map<String, JmhResult> b = index(baseline);
        Map<String, JmhResult> a = index(candidate);
        for (Map.Entry<String, JmhResult> e : b.entrySet()) {
            JmhResult cand = a.get(e.getKey());
            if (cand == null) {
                c.onlyInBaseline.add(e.getKey());
                continue;
            }
            JmhResult base = e.getValue();
            double[] x = perFork ? base.forkSamples() : base.samples();
            double[] y = perFork ? cand.forkSamples() : cand.samples();
            Side bs = Side.of(x);
            Side cs = Side.of(y);
            double p = x.length == 0 || y.length == 0 ? Double.NaN : TEST.test(x, y).getPValue();
            c.rows.add(new Row(e.getKey(), base.unit(), base.higherIsBetter(), bs, cs, (cs.median() - bs.median()) / bs.median() * 100, p, p));
        }
        c.adjustHolm();
        for (String key : a.keySet()) {
            if (!b.containsKey(key)) {
                c.onlyInCandidate.add(key);
            }
        }
        return c;
    }

    private void adjustHolm() {
        double[] adjusted = Tables.holm(rows.stream().mapToDouble(Row::p).toArray());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            rows.set(i, new Row(r.key(), r.unit(), r.higherIsBetter(), r.baseline(), r.candidate(), r.changePercent(), r.p(), adjusted[i]));
        }
    }

    private static Map<String, JmhResult> index(List<JmhResult> results) {
        Map<String, JmhResult> m = new LinkedHashMap<>();
        for (JmhResult r : results) {
            m.put(r.key(), r);
        }
        return m;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> onlyInBaseline() {
        return onlyInBaseline;
    }

    public List<String> onlyInCandidate() {
        return onlyInCandidate;
    }

    /**
     * Geometric mean of candidate/baseline medians, oriented so that a value above 1 is an
     * improvement (throughput ratios as they are, time ratios inverted), as a percent change.
     */
    public double geomeanImprovementPercent() {
        double logSum = 0;
        int n = 0;
        for (Row r : rows) {
            double ratio = r.candidate().median() / r.baseline().median();
            if (ratio > 0 && Double.isFinite(ratio)) {
                logSum += Math.log(r.higherIsBetter() ? ratio : 1 / ratio);
                n++;
            }
        }
        return n == 0 ? Double.NaN : (Math.exp(logSum / n) - 1) * 100;
    }

    /** The largest significant regression, in percent of the baseline median (0 when none). */
    public double worstRegressionPercent() {
        double worst = 0;
        for (Row r : rows) {
            if (r.regression()) {
                worst = Math.max(worst, Math.abs(r.changePercent()));
            }
        }
        return worst;
    }

    /**
     * The 1-based rank k such that [x(k), x(n+1-k)] covers the median with at least 95 %
     * confidence: the largest k with P(Binomial(n, 1/2) < k) <= 2.5 %. 0 when n is too small (n < 6).
     */
    static int medianCiRank(int n) {
        if (n < 6) {
            return 0;
        }
        if (n > 1000) {
            return (int) Math.floor(n / 2.0 - 1.959964 * Math.sqrt(n) / 2.0);
        }
        double cdf = 0;
        double logHalfPowN = n * Math.log(0.5);
        int k = 0;
        for (int i = 0; i <= n; i++) {
            double next = cdf + Math.exp(logChoose(n, i) + logHalfPowN);
            if (next > 0.025) {
                break;
            }
            cdf = next;
            k = i + 1;
        }
        return k;
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /** The comparison as a plain-text or Markdown table, with the geomean row and notes. */
    public String format(boolean markdown) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"benchmark", "baseline (median, 95% CI)", "candidate (median, 95% CI)", "change", "p", "p (Holm)"});
        for (Row r : rows) {
            String change = Double.isNaN(r.p()) ? "n/a" : r.significant() ? String.format(Locale.ROOT, "%+.1f%%", r.changePercent()) : "~";
            table.add(new String[] {r.key() + (r.fewSamples() ? " [!]" : ""), side(r.baseline(), r.unit()), side(r.candidate(), r.unit()),
                change + (r.regression() ? " (worse)" : r.significant() ? " (better)" : ""), String.format(Locale.ROOT, "%.3g", r.p()),
                String.format(Locale.ROOT, "%.3g", r.pAdjusted())});
        }
        table.add(new String[] {"geomean", "", "", String.format(Locale.ROOT, "%+.1f%% (improvement)", geomeanImprovementPercent()), "", ""});
        StringBuilder out = new StringBuilder(Tables.format(table, markdown));
        if (rows.stream().anyMatch(Row::fewSamples)) {
            out.append("[!] fewer than ").append(MIN_SAMPLES).append(" samples on a side: the test has little power; run more forks or iterations (-f, -i)\n");
        }
        out.append("~ : no significant difference (Mann-Whitney U, two-sided, p >= ").append(ALPHA)
                .append(" after Holm's correction over the ").append(rows.size()).append(" rows)\n");
        for (String k : onlyInBaseline) {
            out.append("only in baseline: ").append(k).append('\n');
        }
        for (String k : onlyInCandidate) {
            out.append("only in candidate: ").append(k).append('\n');
        }
        return out.toString();
    }

    private static String side(Side s, String unit) {
        if (Double.isNaN(s.low())) {
            return String.format(Locale.ROOT, "%s %s (n=%d, no CI)", num(s.median()), unit, s.n());
        }
        return String.format(Locale.ROOT, "%s %s [%s, %s] n=%d", num(s.median()), unit, num(s.low()), num(s.high()), s.n());
    }

    private static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
