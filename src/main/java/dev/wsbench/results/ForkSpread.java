package dev.wsbench.results;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * How far a row's forks disagree, which is what a chart's error bar should show: iterations inside
 * one JVM share its JIT decisions, heap layout and thread placement, so JMH's interval over them
 * (its 99.9 % error) says little about what another fork, or another run, would measure. The bar is
 * the 95 % interval of the mean over the forks, each fork counted as one sample (its iterations'
 * mean): {@code t(0.975, n-1) * sd / sqrt(n)}. A row with one fork has no interval.
 *
 * @param forks forks with measurements
 * @param mean the mean of the fork means (JMH's score, when every fork ran the same iterations)
 * @param halfWidth the 95 % interval's half-width, in the score's unit; NaN under two forks
 */
public record ForkSpread(int forks, double mean, double halfWidth) {
    static final double CONFIDENCE = 0.95;

    public static ForkSpread of(JmhResult r) {
        double[] means = r.rawData().stream().filter(f -> !f.isEmpty())
                .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)).toArray();
        return of(means);
    }

    static ForkSpread of(double[] forkMeans) {
        int n = forkMeans.length;
        double mean = n == 0 ? Double.NaN : Arrays.stream(forkMeans).average().orElse(Double.NaN);
        if (n < 2) {
            return new ForkSpread(n, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : forkMeans) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new ForkSpread(n, mean, t * sd / Math.sqrt(n));
    }

    /** The half-width as a fraction of the mean (for a figure derived from the score, such as bytes per second from time per operation). */
    public double relativeHalfWidth() {
        return halfWidth / mean;
    }

    public boolean hasInterval() {
        return !Double.isNaN(halfWidth);
    }
}
