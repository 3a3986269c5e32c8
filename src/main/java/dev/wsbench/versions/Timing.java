package dev.wsbench.versions;

import dev.wsbench.Timings;
import java.util.List;

/** Warm-up and measurement iterations and their durations, as JMH's -wi -w -i -r take them: what a comparison gives each row. */
record Timing(int warmupIterations, int warmupMillis, int iterations, int iterationMillis) {
    static final Timing ECHO = new Timing(Timings.COMPARE_ECHO_WARMUP_ITERATIONS, Timings.COMPARE_ECHO_WARMUP_MS,
            Timings.COMPARE_ECHO_ITERATIONS, Timings.COMPARE_ECHO_ITERATION_MS);
    static final Timing CODEC = new Timing(Timings.COMPARE_CODEC_WARMUP_ITERATIONS, Timings.COMPARE_CODEC_WARMUP_MS,
            Timings.COMPARE_CODEC_ITERATIONS, Timings.COMPARE_CODEC_ITERATION_MS);

    static Timing forRow(BenchmarkRow row) {
        return row.echoesThroughServer() ? ECHO : CODEC;
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
