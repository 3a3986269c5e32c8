package dev.wsbench.results;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Two sides of an interleaved run compared pair by pair: fork {@code i} of the baseline ran next to
 * fork {@code i} of the candidate (the order inside a pair random), so the machine's drift hits
 * both alike and cancels in their ratio.
 *
 * <p>For each row: the log of candidate/baseline for every pair (one sample per fork: the median
 * of its iterations, {@link JmhResult#forkSamples()}), the Hodges-Lehmann estimate of their centre
 * (median of the Walsh averages) and its <b>exact Wilcoxon signed-rank 95 % confidence interval</b>,
 * and the exact two-sided signed-rank p-value, corrected over the rows with Holm's method; shown as
 * percent changes. Signed-rank rather than a bootstrap of pairs: with 10 pairs a bootstrap interval
 * is too narrow (it cannot reach beyond the sample's own extremes and under-covers at small n),
 * while the signed-rank interval has its stated coverage at any n, needs no normal assumption, only
 * that pair differences are symmetric about their centre (a random AB/BA order inside each pair
 * makes order effects symmetric). It needs 6 pairs for a 95 % interval, and with Holm over m rows
 * 2^n > 40 m for any row to be significant (10 pairs: up to 25 rows).
 *
 * <p>A row is a <b>regression</b> when the change is significant after Holm and its whole interval
 * lies beyond the threshold in the worse direction (throughput down, time per operation up); a
 * change inside the threshold, or an interval that reaches back over it, is not.
 */
public final class PairedComparison {
    /** The same significance level as the unpaired comparison: one home, {@link Comparison#ALPHA}. */
    static final double ALPHA = Comparison.ALPHA;
    /** The fewest pairs for which the exact signed-rank interval can have 95 % coverage (2 / 2^6 < 0.05). */
    public static final int MIN_PAIRS = 6;

    /**
     * A compared row. Changes are candidate/baseline - 1 in percent of the score (so for
     * throughput a negative change is worse); NaN bounds when there are too few pairs.
     */
    public record Row(String key, String unit, boolean higherIsBetter, int pairs, double baselineMedian, double candidateMedian,
                      double changePercent, double lowPercent, double highPercent, double p, double pAdjusted, double thresholdPercent,
                      double spreadPercent, double detectablePercent) {
        public boolean significant() {
            return pAdjusted < ALPHA;
        }

        /** Significant, worse, and the whole interval beyond the threshold. */
        public boolean regression() {
            return significant() && (higherIsBetter ? highPercent < -thresholdPercent : lowPercent > thresholdPercent);
        }

        /** Significant, better, and the whole interval beyond the threshold. */
        public boolean improvement() {
            return significant() && (higherIsBetter ? lowPercent > thresholdPercent : highPercent < -thresholdPercent);
        }

        /** What {@code ~} means for this row: no change larger than this could have gone unflagged (80 % power). */
        public boolean canDetect() {
            return Double.isFinite(detectablePercent);
        }

        public String verdict() {
            if (regression()) {
                return "REGRESSION";
            }
            if (improvement()) {
                return "better";
            }
            return significant() ? "within threshold" : "~";
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> unpaired = new ArrayList<>();
    private final double thresholdPercent;

    private PairedComparison(double thresholdPercent) {
        this.thresholdPercent = thresholdPercent;
    }

    /**
     * Pairs fork {@code i} of each baseline row with fork {@code i} of the same row in the
     * candidate (both as written by an interleaved run, in pair order).
     *
     * @param thresholdPercent the smallest change that counts as a regression (0: any significant one)
     * @throws ResultFileException when a row has a different number of forks on the two sides
     */
    public static PairedComparison of(List<JmhResult> baseline, List<JmhResult> candidate, double thresholdPercent) {
        PairedComparison c = new PairedComparison(thresholdPercent);
        Map<String, JmhResult> cand = new LinkedHashMap<>();
        candidate.forEach(r -> cand.put(r.key(), r));
        List<Row> unadjusted = new ArrayList<>();
        for (JmhResult base : baseline) {
            JmhResult other = cand.remove(base.key());
            if (other == null) {
                c.unpaired.add("only in baseline: " + base.key());
                continue;
            }
            double[] x = base.forkSamples();
            double[] y = other.forkSamples();
            if (x.length != y.length) {
                throw new ResultFileException(base.key() + ": " + x.length + " baseline forks but " + y.length
                        + " candidate forks; a paired comparison needs the two files of one interleaved run (bin/compare-versions)");
            }
            unadjusted.add(row(base.key(), base.unit(), base.higherIsBetter(), x, y, thresholdPercent));
        }
        cand.keySet().forEach(k -> c.unpaired.add("only in candidate: " + k));
        double[] adjusted = Tables.holm(unadjusted.stream().mapToDouble(Row::p).toArray());
        for (int i = 0; i < unadjusted.size(); i++) {
            Row r = unadjusted.get(i);
            c.rows.add(new Row(r.key(), r.unit(), r.higherIsBetter(), r.pairs(), r.baselineMedian(), r.candidateMedian(), r.changePercent(),
                    r.lowPercent(), r.highPercent(), r.p(), adjusted[i], thresholdPercent, r.spreadPercent(),
                    detectableChangePercent(r.pairs(), r.spreadPercent() / 100, unadjusted.size(), thresholdPercent)));
        }
        return c;
    }

    static Row row(String key, String unit, boolean higherIsBetter, double[] baseline, double[] candidate, double thresholdPercent) {
        int n = baseline.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(candidate[i] / baseline[i]);
        }
        double[] walsh = walshAverages(d);
        double estimate = median(walsh);
        int c = n == 0 ? 0 : signedRankCiRank(n, ALPHA);
        double low = c < 1 ? Double.NaN : walsh[c - 1];
        double high = c < 1 ? Double.NaN : walsh[walsh.length - c];
        double p = n == 0 ? Double.NaN : signedRankP(d);
        double spread = standardDeviation(d) * 100;
        // the detectable change depends on how many rows share the test: compare() fills it in
        return new Row(key, unit, higherIsBetter, n, median(baseline), median(candidate), percent(estimate), percent(low),
                percent(high), p, p, thresholdPercent, spread, Double.NaN);
    }

    /** The sample standard deviation of the pairs' log ratios (NaN under 2 pairs): the pair spread, as a fraction. */
    public static double standardDeviation(double[] d) {
        if (d.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(d).average().orElse(0);
        double ss = Arrays.stream(d).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (d.length - 1));
    }

    /** The power at which the minimum detectable change is stated. */
    public static final double POWER = 0.8;

    /** Simulated rows behind a detectable change: enough that its power is within about 1 % of the stated 80 %. */
    private static final int POWER_SIMULATIONS = 2000;

    /**
     * The smallest change, in percent, that a row of {@code pairs} pairs with this spread would
     * flag with 80 % power: significant at alpha / rows (Holm's strictest step, so it holds for
     * every row) and its whole interval beyond the threshold, by the exact tests the report applies.
     * The power is simulated, pairs' log ratios normal with this spread, from a fixed seed (the same
     * figure every time): with few pairs the exact signed-rank test is much coarser than a t test
     * (at 9 pairs over 9 rows only a row whose pairs all agree in sign is significant), and the
     * normal approximation this replaced claimed about 20 % less than such rows can see. Infinite
     * when no outcome of so few pairs can be significant after Holm (2 / 2^n must fall below
     * alpha / rows); NaN under 2 pairs.
     */
    public static double detectableChangePercent(int pairs, double spread, int rows, double thresholdPercent) {
        if (pairs < 2 || Double.isNaN(spread)) {
            return Double.NaN;
        }
        if (2 / Math.pow(2, pairs) >= ALPHA / rows) {
            return Double.POSITIVE_INFINITY;
        }
        int lowestSignificant = signedRankCritical(pairs, ALPHA / rows);
        int c = signedRankCiRank(pairs, ALPHA);
        double beyond = Math.log1p(thresholdPercent / 100);
        Random random = new Random(31L * pairs + rows);
        double[][] z = new double[POWER_SIMULATIONS][pairs];
        for (double[] row : z) {
            for (int i = 0; i < pairs; i++) {
                row[i] = random.nextGaussian();
            }
        }
        // power rises with the change: bisect for 80 %, bracketing from the spread upwards
        double low = 0;
        double high = Math.max(spread, 1e-6);
        while (power(z, high, spread, lowestSignificant, c, beyond) < POWER) {
            low = high;
            high *= 2;
            if (high > 50) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int step = 0; step < 30 && high - low > high * 5e-3; step++) { // 0.5 %: the figure is printed to 0.1 points
            double mid = (low + high) / 2;
            if (power(z, mid, spread, lowestSignificant, c, beyond) >= POWER) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return (Math.exp(high) - 1) * 100;
    }

    /**
     * The share of simulated rows (log ratios {@code -change + spread * z}) that the report would flag:
     * T+ at most {@code lowestSignificant} and the interval's upper end, the c-th largest Walsh
     * average, below {@code -beyond}.
     */
    private static double power(double[][] z, double change, double spread, int lowestSignificant, int c, double beyond) {
        int flagged = 0;
        int n = z[0].length;
        double[] d = new double[n];
        double[] magnitudes = new double[n];
        for (double[] row : z) {
            for (int i = 0; i < n; i++) {
                d[i] = -change + spread * row[i];
                magnitudes[i] = Math.abs(d[i]);
            }
            Arrays.sort(magnitudes);
            int tPlus = 0; // a positive ratio's rank among the magnitudes (continuous draws: no ties)
            for (double v : d) {
                if (v > 0) {
                    tPlus += Arrays.binarySearch(magnitudes, v) + 1;
                }
            }
            if (tPlus > lowestSignificant) {
                continue;
            }
            // the c-th largest Walsh average lies below -beyond when fewer than c averages reach it
            Arrays.sort(d);
            long reaching = 0;
            int j = n - 1;
            for (int i = 0; i < n; i++) { // pairs i <= j with (d_i + d_j) / 2 >= -beyond, by two pointers
                while (j >= i && (d[i] + d[j]) / 2 >= -beyond) {
                    j--;
                }
                reaching += Math.max(0, n - Math.max(j + 1, i));
            }
            if (reaching < c) {
                flagged++;
            }
        }
        return flagged / (double) z.length;
    }

    /**
     * The largest T+ whose exact two-sided p-value is below {@code alpha} (-1 when none is): the
     * interval's rank at the same alpha, less one. That rank counts the T+ with P(T+ <= t) <=
     * alpha / 2, this needs it strictly below; the two agree because the null probabilities are
     * multiples of 2^-n and alpha / 2 (0.05 over a row count, halved) never is one.
     */
    static int signedRankCritical(int n, double alpha) {
        return signedRankCiRank(n, alpha) - 1;
    }

    /** The fewest pairs with which any of {@code rows} rows can be significant after Holm: 2 / 2^n < alpha / rows, and at least {@link #MIN_PAIRS}. */
    public static int holmFloor(int rows) {
        int n = MIN_PAIRS;
        while (2 / Math.pow(2, n) >= ALPHA / rows) {
            n++;
        }
        return n;
    }

    private static double percent(double logRatio) {
        return (Math.exp(logRatio) - 1) * 100;
    }

    /** All (d[i] + d[j]) / 2 for i <= j, sorted. */
    static double[] walshAverages(double[] d) {
        double[] w = new double[d.length * (d.length + 1) / 2];
        int k = 0;
        for (int i = 0; i < d.length; i++) {
            for (int j = i; j < d.length; j++) {
                w[k++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(w);
        return w;
    }

    /** The median of {@code v} (left as it is); NaN when empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** P(T+ = t) for t = 0 .. n(n+1)/2 under the null hypothesis (each rank's sign a fair coin). */
    static double[] signedRankDistribution(int n) {
        int max = n * (n + 1) / 2;
        double[] p = new double[max + 1];
        p[0] = 1;
        int reach = 0;
        for (int rank = 1; rank <= n; rank++) {
            reach += rank;
            for (int t = reach; t >= 0; t--) {
                p[t] = (p[t] + (t >= rank ? p[t - rank] : 0)) / 2;
            }
        }
        return p;
    }

    /**
     * The 1-based rank c such that [W(c), W(M + 1 - c)] of the M sorted Walsh averages covers the
     * centre with at least 1 - alpha: the largest c with P(T+ <= c - 1) <= alpha / 2; 0 when even
     * the widest interval falls short (n < 6 at alpha 0.05).
     */
    static int signedRankCiRank(int n, double alpha) {
        double[] p = signedRankDistribution(n);
        double cdf = 0;
        int c = 0;
        for (int t = 0; t < p.length; t++) {
            cdf += p[t];
            if (cdf > alpha / 2) {
                break;
            }
            c = t + 1;
        }
        return c;
    }

    /**
     * The exact two-sided signed-rank p-value of {@code d} against a centre of 0. Zero differences
     * are dropped (Wilcoxon); tied magnitudes get their mean rank and the exact null distribution
     * is used as is (with measured scores, ties are rare).
     */
    static double signedRankP(double[] d) {
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(nonZero[a]), Math.abs(nonZero[b])));
        double tPlus = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Math.abs(nonZero[order[j + 1]]) == Math.abs(nonZero[order[i]])) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (nonZero[order[k]] > 0) {
                    tPlus += rank;
                }
            }
            i = j + 1;
        }
        double[] p = signedRankDistribution(n);
        double lower = 0;
        double upper = 0;
        for (int t = 0; t < p.length; t++) {
            if (t <= Math.floor(tPlus)) {
                lower += p[t];
            }
            if (t >= Math.ceil(tPlus)) {
                upper += p[t];
            }
        }
        return Math.min(1, 2 * Math.min(lower, upper));
    }

    public List<Row> rows() {
        return rows;
    }

    /** Rows present on one side only (never compared). */
    public List<String> unpaired() {
        return unpaired;
    }

    public boolean anyRegression() {
        return rows.stream().anyMatch(Row::regression);
    }

    /** The comparison as a plain-text or Markdown table, with a legend. */
    public String format(boolean markdown) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"benchmark", "pairs", "baseline (median)", "candidate (median)", "change (HL)", "95% CI", "p", "p (Holm)",
            "pair spread", "detectable", "verdict"});
        for (Row r : rows) {
            table.add(new String[] {r.key(), Integer.toString(r.pairs()), num(r.baselineMedian()) + " " + r.unit(),
                num(r.candidateMedian()) + " " + r.unit(), String.format(Locale.ROOT, "%+.2f%%", r.changePercent()),
                Double.isNaN(r.lowPercent()) ? "n/a (< " + MIN_PAIRS + " pairs)"
                        : String.format(Locale.ROOT, "[%+.2f%%, %+.2f%%]", r.lowPercent(), r.highPercent()),
                String.format(Locale.ROOT, "%.3g", r.p()), String.format(Locale.ROOT, "%.3g", r.pAdjusted()),
                Double.isNaN(r.spreadPercent()) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", r.spreadPercent()), detectable(r, rows.size()),
                r.verdict()});
        }
        StringBuilder out = new StringBuilder(Tables.format(table, markdown));
        out.append(String.format(Locale.ROOT, "change: candidate/baseline - 1, Hodges-Lehmann estimate over the pairs; 95%% CI: exact Wilcoxon"
                + " signed-rank interval; p: exact two-sided signed-rank test, Holm-corrected over the %d rows;%n"
                + "REGRESSION: p (Holm) < %s and the whole interval beyond %s%% in the worse direction"
                + " (throughput down, time per operation up); ~: not significant;%n"
                + "pair spread: standard deviation of the pairs' log ratios; detectable: the smallest change this run flags with %.0f%% power"
                + " (significant at alpha/%d, interval beyond the threshold), so ~ reads \"no change larger than that\"%n",
                rows.size(), ALPHA, num(thresholdPercent), POWER * 100, rows.size()));
        unpaired.forEach(u -> out.append(u).append('\n'));
        return out.toString();
    }

    /** The comparison as JSON: the note, then every row with its interval, verdict, pair spread and detectable change (percent; null where there is none). */
    public String toJson(String note) {
        JsonObject root = new JsonObject();
        root.addProperty("comparison", note);
        root.addProperty("alpha", ALPHA);
        root.addProperty("power", POWER);
        root.addProperty("thresholdPercent", thresholdPercent);
        JsonArray list = new JsonArray();
        for (Row r : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("benchmark", r.key());
            o.addProperty("unit", r.unit());
            o.addProperty("pairs", r.pairs());
            o.addProperty("baselineMedian", r.baselineMedian());
            o.addProperty("candidateMedian", r.candidateMedian());
            addTestFields(o, r);
            list.add(o);
        }
        root.add("rows", list);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root);
    }

    /**
     * A row's change, interval, p-values, pair spread, detectable change and verdict as JSON fields
     * (percent; null where there is none): a comparison's rows and a release sweep's steps alike.
     */
    static void addTestFields(JsonObject o, Row r) {
        o.add("changePercent", number(r.changePercent()));
        o.add("intervalPercent", interval(r.lowPercent(), r.highPercent()));
        o.add("p", number(r.p()));
        o.add("pHolm", number(r.pAdjusted()));
        o.add("pairSpreadPercent", number(r.spreadPercent()));
        o.add("detectablePercent", number(r.detectablePercent()));
        o.addProperty("verdict", r.verdict());
    }

    /** An interval as a JSON pair, nulls where there is none. */
    static JsonArray interval(double low, double high) {
        JsonArray a = new JsonArray();
        a.add(number(low));
        a.add(number(high));
        return a;
    }

    /** A number, or null when it is not finite (JSON has no NaN). */
    static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    /** The detectable change as the table shows it; {@code rows}: how many rows Holm corrects over. */
    public static String detectable(Row r, int rows) {
        if (Double.isNaN(r.detectablePercent())) {
            return "n/a (< 2 pairs)";
        }
        if (Double.isInfinite(r.detectablePercent())) {
            return "none (needs " + holmFloor(rows) + "+ pairs)";
        }
        return String.format(Locale.ROOT, "%.1f%%", r.detectablePercent());
    }

    private static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
