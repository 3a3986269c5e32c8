package dev.wsbench.scenario;

import org.HdrHistogram.Histogram;

/** Count and percentiles of one latency distribution, in microseconds (the JSON keys of a latency record). */
public class LatencyPercentiles {
    public long count;
    public double p50Us;
    public double p90Us;
    public double p99Us;
    public double p999Us;
    public double maxUs;

    public static LatencyPercentiles of(Histogram h) {
        LatencyPercentiles p = new LatencyPercentiles();
        p.count = h.getTotalCount();
        p.p50Us = micros(h.getValueAtPercentile(50));
        p.p90Us = micros(h.getValueAtPercentile(90));
        p.p99Us = micros(h.getValueAtPercentile(99));
        p.p999Us = micros(h.getValueAtPercentile(99.9));
        p.maxUs = micros(h.getMaxValue());
        return p;
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    /** The percentile named as in the table columns: p50Us, p90Us, p99Us, p999Us or maxUs. */
    public double percentile(String name) {
        return switch (name) {
            case "p50Us" -> p50Us;
            case "p90Us" -> p90Us;
            case "p99Us" -> p99Us;
            case "p999Us" -> p999Us;
            case "maxUs" -> maxUs;
            default -> throw new IllegalArgumentException("no percentile " + name);
        };
    }
}
