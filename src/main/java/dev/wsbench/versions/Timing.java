package dev.wsbench.versions;

import dev.wsbench.BenchmarkNames;
import dev.wsbench.Timings;
import java.util.List;

/** Warm-up and measurement iterations and their durations, as JMH's -wi -w -i -r take them: what a comparison gives each row. */
record Timing(int warmupIterations, int warmupMillis, int iterations, int iterationMillis) {
    static final Timing ECHO = new Timing(Timings.COMPARE_ECHO_WARMUP_ITERATIONS, Timings.COMPARE_ECHO_WARMUP_MS,
            Timings.COMPARE_ECHO_ITERATIONS, Timings.COMPARE_ECHO_ITERATION_MS);
    static final Timing CODEC = new Timing(Timings.COMPARE_CODEC_WARMUP_ITERATIONS, Timings.COMPARE_CODEC_WARMUP_MS,
            Timings.COMPARE_CODEC_ITERATIONS, Timings.COMPARE_CODEC_ITERATION_MS);

    /** permessage-deflate rows: the JIT needs the benchmark's own long warm-up ({@link Timings#DEFLATE_WARMUP_ITERATIONS}). */
    static final Timing DEFLATE = new Timing(Timings.COMPARE_DEFLATE_WARMUP_ITERATIONS, Timings.COMPARE_DEFLATE_WARMUP_MS,
            Timings.COMPARE_ECHO_ITERATIONS, Timings.COMPARE_ECHO_ITERATION_MS);

    static Timing forRow(BenchmarkRow row) {
        if (row.benchmark().equals(BenchmarkNames.qualified(BenchmarkNames.COMPRESSION))) {
            return DEFLATE;
        }
        return row.echoesThroughServer() ? ECHO : CODEC;
    }

    /** What every kind of row gets, for the console and the provenance. */
    static String describeDefaults() {
        return "echo rows " + ECHO + ", codec rows " + CODEC + ", permessage-deflate rows " + DEFLATE;
    }

    List<String> jmhArgs() {
        return List.of("-wi", Integer.toString(warmupIterations), "-w", warmupMillis + "ms", "-i", Integer.toString(iterations), "-r",
                iterationMillis + "ms");
    }

    @Override
    public String toString() {
        return String.join(" ", jmhArgs());
    }
}
