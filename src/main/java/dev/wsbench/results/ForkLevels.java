package dev.wsbench.results;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Rows whose forks settle at separate levels (bimodal): each fork steady, but forks of the same
 * version at, say, 6 k and 13 k round trips/s. A pair interval over such a row blurs two questions,
 * so they are reported apart: the levels with each side's share of forks in each (a shift in the
 * shares, tested with Fisher's exact test), and the change within each level. Forks alone at a
 * level of their own (strays, {@link #STRAY_DEVIATIONS}) are named first and set aside for the
 * levels: one such fork is most of a row's pair spread (Netty's 100000-byte echo, 2026-12-05: one
 * fork of 20 at 16.7 k round trips/s, the rest at 20.2-23.0 k, the pair spread 7.9 % with it).
 *
 * <p>A row's log fork samples (both sides pooled) are fitted with one normal and with a mixture of
 * two (expectation maximisation from the best two-group cut). The row has two levels when the
 * mixture's log-likelihood beats the single normal's by more than {@link #PENALTY_PER_LN_N} ln n (BIC
 * charges its three extra parameters 1.5 ln n; with that, 9 % of simulated one-level rows of 18
 * forks were split, with 2.25 ln n under 2 %), its components
 * are separated (Ashman's D = sqrt(2) |mu1 - mu2| / sqrt(s1^2 + s2^2) above {@link #MIN_SEPARATION}:
 * two components closer than that make one hump, not two), their centres are at least
 * {@link #MIN_GAP} apart, each holds at least {@link #MIN_FORKS} forks, and the levels are not the two
 * versions (one side at least has that many in each, or both sides have forks in both). The split is where the
 * two components are equally likely. This replaced, on 2026-12-03, a split at the widest gap when
 * it was four times the spread inside the parts: Jetty 12.1's 8192-byte masking (forks at 2.2-2.8
 * and 3.4-4.6 us) went unseen there, because the upper level is itself 30 % wide.
 */
public final class ForkLevels {
    static final int MIN_FORKS = 2;
    /**
     * A fork farther than this many standard deviations of the other forks' log samples from their
     * mean (both sides pooled, the fork itself left out), and more than {@link #MIN_GAP} from every
     * other fork, is a stray: a fork alone at its level, which no level of two forks or more explains.
     * On simulated rows of one normal level (1 to 20 % wide, 9 to 40 forks a side) at most 2 rows in
     * 400 name one (ForkLevelsTest); the median absolute deviation as the yardstick, tried first,
     * named one in 10 of 400 rows 20 % wide at 9 forks a side: at 18 forks it is itself that uncertain.
     */
    static final double STRAY_DEVIATIONS = 5;
    /** 10 %: closer levels are noise on this machine, not modes. */
    static final double MIN_GAP = Math.log(1.10);
    /** Ashman's D beyond which a two-normal mixture has two separate humps (Ashman, Bird and Zepf, 1994). */
    static final double MIN_SEPARATION = 2;
    /** What the mixture must gain in log-likelihood, per ln n: 1.5 times BIC's charge for its three extra parameters. */
    static final double PENALTY_PER_LN_N = 2.25;
    /** A component narrower than this (0.5 % in log units) is two forks that happen to agree, not a level's spread. */
    private static final double MIN_SIGMA = 0.005;

    /** One row split into two levels: the boundary, the forks of each side below and above it. */
    record Split(double boundary, double[] baseLow, double[] baseHigh, double[] candLow, double[] candHigh) {
        double sharesP() {
            return fisherExactTwoSided(baseHigh.length, baseLow.length, candHigh.length, candLow.length);
        }
    }

    /** A two-normal mixture of log samples: weight, mean and standard deviation of each component, lower mean first. */
    record Mixture(double w1, double mu1, double s1, double w2, double mu2, double s2, double logLikelihood) {
        double separation() {
            return Math.sqrt(2) * Math.abs(mu2 - mu1) / Math.sqrt(s1 * s1 + s2 * s2);
        }

        /** Where, between the two means, the lower component stops being the likelier one. */
        double boundary() {
            double low = mu1;
            double high = mu2;
            for (int i = 0; i < 60; i++) {
                double mid = (low + high) / 2;
                if (w1 * density(mid, mu1, s1) >= w2 * density(mid, mu2, s2)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            return (low + high) / 2;
        }
    }

    private ForkLevels() {
    }

    /**
     * One row's forks: which are strays (baseline forks first, then candidate forks, in pair order;
     * set aside before the levels are looked for) and its split into two levels, null when the rest
     * form one level.
     */
    record Levels(double[] baseline, double[] candidate, boolean[] stray, Split split) {
        double[] baseStrays() {
            return keep(baseline, stray, 0, true);
        }

        double[] candStrays() {
            return keep(candidate, stray, baseline.length, true);
        }

        int strayCount() {
            int count = 0;
            for (boolean s : stray) {
                count += s ? 1 : 0;
            }
            return count;
        }

        /** Pair i holds a stray on either side. */
        boolean strayPair(int i) {
            return stray[i] || stray[baseline.length + i];
        }
    }

    /** A row's strays and levels, from its forks' samples on each side. */
    static Levels analyse(double[] baseline, double[] candidate) {
        double[] logs = pooledLogs(baseline, candidate);
        boolean[] stray = strayLogs(logs);
        Split split = split(keep(baseline, stray, 0, false), keep(candidate, stray, baseline.length, false));
        if (split == null) {
            // a lone fork far below or above a row of two levels widens the lower or upper one until
            // the two look like one hump (Jetty 12.1's 8192-byte masking, 2026-12-05: one fork at 2.2 us
            // beside levels at 3.4-3.8 and 4.2-4.6 us): try once without the most isolated fork
            int lone = mostIsolated(logs, stray);
            if (lone >= 0) {
                boolean[] without = stray.clone();
                without[lone] = true;
                Split retried = split(keep(baseline, without, 0, false), keep(candidate, without, baseline.length, false));
                if (retried != null) {
                    stray = without;
                    split = retried;
                }
            }
        }
        return new Levels(baseline, candidate, stray, split);
    }

    /** The logs of both sides' samples, baseline first. */
    private static double[] pooledLogs(double[] baseline, double[] candidate) {
        double[] all = new double[baseline.length + candidate.length];
        for (int i = 0; i < baseline.length; i++) {
            all[i] = Math.log(baseline[i]);
        }
        for (int i = 0; i < candidate.length; i++) {
            all[baseline.length + i] = Math.log(candidate[i]);
        }
        return all;
    }

    /** Which samples are strays: beyond {@link #STRAY_DEVIATIONS} standard deviations of the others' mean and {@link #MIN_GAP} from every other. */
    static boolean[] strays(double[] samples) {
        return strayLogs(Arrays.stream(samples).map(Math::log).toArray());
    }

    private static boolean[] strayLogs(double[] logs) {
        int n = logs.length;
        boolean[] stray = new boolean[n];
        if (n < 2 * MIN_FORKS + 1) {
            return stray;
        }
        boolean[] none = new boolean[n];
        double sum = Arrays.stream(logs).sum();
        double sumOfSquares = Arrays.stream(logs).map(x -> x * x).sum();
        for (int i = 0; i < n; i++) {
            // the others' mean and standard deviation, this fork left out (it would widen its own yardstick)
            double mean = (sum - logs[i]) / (n - 1);
            double sd = Math.max(MIN_SIGMA, Math.sqrt(Math.max(0, (sumOfSquares - logs[i] * logs[i] - (n - 1) * mean * mean) / (n - 2))));
            stray[i] = Math.abs(logs[i] - mean) > STRAY_DEVIATIONS * sd && nearestGap(logs, i, none) > MIN_GAP;
        }
        return stray;
    }

    /** The fork (not yet a stray) farthest from its nearest other fork, when that is more than {@link #MIN_GAP}; -1 when none is. */
    private static int mostIsolated(double[] logs, boolean[] stray) {
        int best = -1;
        double widest = MIN_GAP;
        for (int i = 0; i < logs.length; i++) {
            double gap = stray[i] ? 0 : nearestGap(logs, i, stray);
            if (gap > widest) {
                widest = gap;
                best = i;
            }
        }
        return best;
    }

    /** The distance, in log units, from sample i to the nearest other sample that is not set aside. */
    private static double nearestGap(double[] logs, int i, boolean[] aside) {
        double gap = Double.POSITIVE_INFINITY;
        for (int j = 0; j < logs.length; j++) {
            if (j != i && !aside[j]) {
                gap = Math.min(gap, Math.abs(logs[j] - logs[i]));
            }
        }
        return gap;
    }

    /** The samples of one side (at {@code offset} in the pooled flags) that are strays, or that are not. */
    private static double[] keep(double[] side, boolean[] stray, int offset, boolean strays) {
        return IntStream.range(0, side.length).filter(i -> stray[offset + i] == strays).mapToDouble(i -> side[i]).toArray();
    }

    /** The split of one row's fork samples, or null when they form one level. */
    static Split split(double[] baseline, double[] candidate) {
        int n = baseline.length + candidate.length;
        if (n < 2 * MIN_FORKS + 1) {
            return null;
        }
        double[] all = pooledLogs(baseline, candidate);
        Arrays.sort(all);
        Mixture m = fit(all);
        double mean = mean(all, 0, n);
        double sd = Math.max(MIN_SIGMA, Math.sqrt(sumOfSquares(all, 0, n) / n));
        double oneLevel = 0;
        for (double x : all) {
            oneLevel += Math.log(density(x, mean, sd));
        }
        if (m == null || m.logLikelihood() - oneLevel <= PENALTY_PER_LN_N * Math.log(n) || m.separation() <= MIN_SEPARATION || m.mu2() - m.mu1() < MIN_GAP) {
            return null;
        }
        double boundary = Math.exp(m.boundary());
        Split split = new Split(boundary, below(baseline, boundary, true), below(baseline, boundary, false), below(candidate, boundary, true),
                below(candidate, boundary, false));
        if (split.baseLow().length + split.candLow().length < MIN_FORKS || split.baseHigh().length + split.candHigh().length < MIN_FORKS) {
            return null;
        }
        boolean baselineInBoth = split.baseLow().length >= MIN_FORKS && split.baseHigh().length >= MIN_FORKS;
        boolean candidateInBoth = split.candLow().length >= MIN_FORKS && split.candHigh().length >= MIN_FORKS;
        boolean bothInEach = split.baseLow().length > 0 && split.baseHigh().length > 0 && split.candLow().length > 0 && split.candHigh().length > 0;
        // two levels that are the two versions (every baseline fork in one, every candidate fork in the
        // other, or all but one) are the change itself; a level both sides visit is a mode, however rare
        // (Netty's 8192-byte parsing, 2026-12-05: one fork of each side at 1.3-1.4 us, the other 18 at 0.87-1.04)
        return baselineInBoth || candidateInBoth || bothInEach ? split : null;
    }

    /** The two-normal mixture of sorted log samples by expectation maximisation, started from the cut that best splits them in two; null under 2 forks a part. */
    static Mixture fit(double[] sorted) {
        int n = sorted.length;
        int cut = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = MIN_FORKS; i <= n - MIN_FORKS; i++) {
            double ss = sumOfSquares(sorted, 0, i) + sumOfSquares(sorted, i, n);
            if (ss < best) {
                best = ss;
                cut = i;
            }
        }
        if (cut < 0) {
            return null;
        }
        double w1 = cut / (double) n;
        double mu1 = mean(sorted, 0, cut);
        double mu2 = mean(sorted, cut, n);
        double s1 = Math.max(MIN_SIGMA, Math.sqrt(sumOfSquares(sorted, 0, cut) / cut));
        double s2 = Math.max(MIN_SIGMA, Math.sqrt(sumOfSquares(sorted, cut, n) / (n - cut)));
        double[] r = new double[n];
        double logLikelihood = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < 500; iteration++) {
            double ll = 0;
            for (int i = 0; i < n; i++) {
                double a = w1 * density(sorted[i], mu1, s1);
                double b = (1 - w1) * density(sorted[i], mu2, s2);
                r[i] = a / (a + b);
                ll += Math.log(a + b);
            }
            double sumR = Arrays.stream(r).sum();
            if (sumR < 1e-9 || n - sumR < 1e-9) {
                return null; // one component took every fork
            }
            double m1 = 0;
            double m2 = 0;
            for (int i = 0; i < n; i++) {
                m1 += r[i] * sorted[i];
                m2 += (1 - r[i]) * sorted[i];
            }
            mu1 = m1 / sumR;
            mu2 = m2 / (n - sumR);
            double v1 = 0;
            double v2 = 0;
            for (int i = 0; i < n; i++) {
                v1 += r[i] * (sorted[i] - mu1) * (sorted[i] - mu1);
                v2 += (1 - r[i]) * (sorted[i] - mu2) * (sorted[i] - mu2);
            }
            s1 = Math.max(MIN_SIGMA, Math.sqrt(v1 / sumR));
            s2 = Math.max(MIN_SIGMA, Math.sqrt(v2 / (n - sumR)));
            w1 = sumR / n;
            boolean done = ll - logLikelihood < 1e-10;
            logLikelihood = ll;
            if (done) {
                break;
            }
        }
        return mu1 <= mu2 ? new Mixture(w1, mu1, s1, 1 - w1, mu2, s2, logLikelihood) : new Mixture(1 - w1, mu2, s2, w1, mu1, s1, logLikelihood);
    }

    private static double density(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    private static double sumOfSquares(double[] v, int from, int to) {
        double m = mean(v, from, to);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        return s;
    }

    /** The report of every row with strays or two levels; empty when there is none. */
    public static String report(List<JmhResult> baseline, List<JmhResult> candidate) {
        Map<String, JmhResult> cand = new LinkedHashMap<>();
        candidate.forEach(r -> cand.put(r.key(), r));
        StringBuilder out = new StringBuilder();
        for (JmhResult base : baseline) {
            JmhResult other = cand.get(base.key());
            if (other == null) {
                continue;
            }
            Levels lv = analyse(base.forkSamples(), other.forkSamples());
            int strays = lv.strayCount();
            if (strays > 0) {
                out.append(String.format(Locale.ROOT, "strays: %s: %d fork%s alone, more than %.0f %% from every other fork and %.0f standard deviations"
                                + " from the others' mean: baseline %s, candidate %s %s; pair spread %s without %s pair%s (%s with)%n",
                        base.key(), strays, strays == 1 ? "" : "s", Math.expm1(MIN_GAP) * 100, STRAY_DEVIATIONS, list(lv.baseStrays()),
                        list(lv.candStrays()), base.unit(), pairSpread(lv, true), strays == 1 ? "its" : "their", strays == 1 ? "" : "s",
                        pairSpread(lv, false)));
            }
            Split s = lv.split();
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

    /** The pair spread (standard deviation of the pairs' log ratios, percent) of the pairs without a stray, or of all. */
    private static String pairSpread(Levels lv, boolean withoutStrays) {
        double[] ratios = IntStream.range(0, Math.min(lv.baseline().length, lv.candidate().length))
                .filter(i -> !withoutStrays || !lv.strayPair(i)).mapToDouble(i -> Math.log(lv.candidate()[i] / lv.baseline()[i])).toArray();
        double sd = PairedComparison.standardDeviation(ratios);
        return Double.isNaN(sd) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", sd * 100);
    }

    private static String list(double[] v) {
        return v.length == 0 ? "-" : Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.4g", x)).collect(Collectors.joining(" "));
    }

    private static double[] below(double[] v, double boundary, boolean low) {
        return Arrays.stream(v).filter(x -> (x < boundary) == low).toArray();
    }

    private static String median(double[] v) {
        return v.length == 0 ? "-" : String.format(Locale.ROOT, "%.4g", PairedComparison.median(v));
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
