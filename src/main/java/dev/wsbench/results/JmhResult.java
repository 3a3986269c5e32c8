package dev.wsbench.results;

import dev.wsbench.BenchmarkNames;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One row of a JMH JSON result file: a benchmark method with one parameter set, in one mode.
 *
 * @param benchmark fully qualified method name
 * @param mode JMH's short mode name: thrpt, avgt, sample, ss
 * @param params the {@code @Param} values
 * @param score the primary score
 * @param scoreError half-width of JMH's 99.9 % confidence interval (NaN if too few samples)
 * @param unit score unit, e.g. ops/s or us/op
 * @param percentiles score percentiles keyed "50.0", "99.0", ... (sample mode: latency percentiles)
 * @param rawData per fork, per iteration scores (sample-time mode: each iteration's mean operation time)
 * @param secondary secondary metric scores by name, e.g. "gc.alloc.rate.norm" (B/op) under {@code -prof gc}
 * @param histogram sample-time mode: every (value, count) pair of every iteration of every fork; empty otherwise
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String unit, Map<String, Double> percentiles, List<List<Double>> rawData, Map<String, Double> secondary,
                        List<double[]> histogram) {

    /** The method's simple name with its class, e.g. {@code EchoBenchmark.roundTrip}. */
    public String shortName() {
        return shortName(benchmark);
    }

    /** {@code dev.wsbench.jmh.EchoBenchmark.roundTrip} as {@code EchoBenchmark.roundTrip}. */
    public static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** The benchmark's class without its package, e.g. {@code EchoBenchmark}. */
    public String benchmarkClass() {
        return BenchmarkNames.className(shortName());
    }

    public String param(String name) {
        return params.get(name);
    }

    /**
     * The samples a comparison tests: one score per measurement iteration of every fork (in
     * sample-time mode the iteration's mean operation time; its operations are not independent
     * samples and are never tested one by one).
     */
    public double[] samples() {
        return rawData.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * One sample per fork: the median of that fork's iteration scores. Forks are independent JVMs;
     * iterations inside one are not, so a test over fork medians does not overstate its evidence.
     * Empty for sample-time results (their histograms are not kept per fork here).
     */
    public double[] forkSamples() {
        return rawData.stream().filter(f -> !f.isEmpty()).mapToDouble(f -> {
            double[] v = f.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }).toArray();
    }

    /** Whether a larger score is better (throughput), rather than a smaller one (time per operation). */
    public boolean higherIsBetter() {
        return "thrpt".equals(mode);
    }

    /** Benchmark, mode and parameters: what must match for two results to be compared. */
    public String key() {
        return shortName() + " " + mode + " " + new TreeMap<>(params);
    }

    /**
     * The row's stable name, for a history ({@link HistoryExport}) and lists of rows:
     * {@code EchoBenchmark.roundTrip{client=REFERENCE,size=256}}, parameters sorted by name, no spaces.
     */
    public String stableName() {
        StringJoiner name = new StringJoiner(",", shortName() + "{", "}");
        new TreeMap<>(params).forEach((k, v) -> name.add(k + "=" + v));
        return name.toString();
    }

    /** Bytes allocated per operation, when the run had {@code -prof gc}; NaN otherwise. */
    public double allocatedBytesPerOp() {
        return secondary.getOrDefault("gc.alloc.rate.norm", Double.NaN);
    }
}
