package dev.wsbench.results;

import java.util.List;
import java.util.Map;

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
 * @param rawData per fork, per iteration scores
 * @param secondary secondary metric scores by name, e.g. "gc.alloc.rate.norm" (B/op) under {@code -prof gc}
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String unit, Map<String, Double> percentiles, List<List<Double>> rawData, Map<String, Double> secondary) {

    /** The method's simple name with its class, e.g. {@code EchoBenchmark.roundTrip}. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** Bytes allocated per operation, when the run had {@code -prof gc}; NaN otherwise. */
    public double allocatedBytesPerOp() {
        return secondary.getOrDefault("gc.alloc.rate.norm", Double.NaN);
    }
}
