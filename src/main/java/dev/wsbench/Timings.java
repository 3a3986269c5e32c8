package dev.wsbench;

/**
 * Every timing of the suite, in one place: the benchmarks' {@code @Warmup} and {@code @Measurement}
 * annotations read these constants (annotation values must be constants), and so does the version
 * comparison ({@code versions.Timing}); the pom's sets give none of their own. Each says why it is
 * what it is; the measurements behind them, with dates and commands, are in the docs it names. A
 * command line's {@code -wi -w -i -r} replaces them as usual.
 */
public final class Timings {
    private Timings() {
    }

    // The suite's defaults (JmhDefaults): 2 x 1 s warm-up, 5 x 1 s measured, one fork.
    public static final int WARMUP_ITERATIONS = 2;
    public static final int WARMUP_MS = 1000;
    public static final int ITERATIONS = 5;
    public static final int ITERATION_MS = 1000;

    /**
     * Echo ({@code EchoBenchmark}): 6 s of warm-up. With the whole fork on one CPU (placement
     * ONE_CPU) the JIT compiles on the benchmark's CPU, and at 100000 B the servers' rates still
     * climb after 2 s (docs/placement.md#warm-up-on-one-cpu). FREE rows warm faster and only pay the time.
     */
    public static final int ECHO_WARMUP_ITERATIONS = 6;
    public static final int ECHO_WARMUP_MS = 1000;
    /**
     * Echo: 3 measured seconds: with six servers in two placements the default run stays within 10
     * minutes; one fork's iterations agree within a few percent once warm, and the spread that
     * matters is between forks (use -f 3 before believing a difference).
     */
    public static final int ECHO_ITERATIONS = 3;
    public static final int ECHO_ITERATION_MS = 1000;

    /**
     * Codecs ({@code MaskingBenchmark}, {@code ParsingBenchmark}) in {@code mvn jmh:run}, where their
     * forks run wherever the OS puts them: 2 x 1 s of warm-up. With the JIT free to use the other CPU
     * the per-iteration mean reaches its plateau within the first 1-2 s; with 1 s the first measured
     * iteration was still falling (docs/comparing-versions.md, "Codec rows").
     */
    public static final int CODEC_WARMUP_ITERATIONS = 2;
    public static final int CODEC_WARMUP_MS = 1000;
    /** Codecs: 3 x 500 ms, millions of operations each, and the default run keeps within its 10 minutes. */
    public static final int CODEC_ITERATIONS = 3;
    public static final int CODEC_ITERATION_MS = 500;

    /** The echo check alone ({@code EchoVerificationBenchmark}): the suite's warm-up, 3 x 1 s measured (a nanosecond-scale loop). */
    public static final int VERIFICATION_ITERATIONS = 3;
    public static final int VERIFICATION_ITERATION_MS = 1000;

    /** Memory per idle connection ({@code ConnectionMemoryBenchmark}): one reading of the heap after the connections open, no warm-up. */
    public static final int MEMORY_WARMUP_ITERATIONS = 0;
    public static final int MEMORY_ITERATIONS = 1;
    public static final int MEMORY_ITERATION_MS = 1000;

    /** Field scenarios with many variants (broadcast; permessage-deflate measures these 3 after its own warm-up): 1 + 3 iterations keep the scenarios set short. */
    public static final int SCENARIO_WARMUP_ITERATIONS = 1;
    public static final int SCENARIO_WARMUP_MS = 1000;
    public static final int SCENARIO_ITERATIONS = 3;
    public static final int SCENARIO_ITERATION_MS = 1000;

    /**
     * The permessage-deflate echo ({@code CompressionBenchmark}): 15 s of warm-up, then the scenarios'
     * 3 x 1 s. A deflate round trip runs a server's and a client's pipelines plus the compressors' and
     * decompressors' own: thousands of compilation tasks, and with the fork on one CPU the JIT needs
     * 10-14 s, so a shorter warm-up times forks on the climb (docs/comparing-versions.md, "Deflate
     * rows"). It costs the scenarios set about 14 s per deflate fork.
     */
    public static final int DEFLATE_WARMUP_ITERATIONS = 15;
    public static final int DEFLATE_WARMUP_MS = 1000;

    /** Open-loop latency: with 1-2 warm-up iterations p99 at 1000/s was several times its settled value (docs/scenarios.md). */
    public static final int OPEN_LOOP_WARMUP_ITERATIONS = 5;
    public static final int OPEN_LOOP_WARMUP_MS = 1000;

    /**
     * The version comparison's echo rows: 7 x 1 s of warm-up, then 3 x 500 ms. Forks, not
     * iterations, are the independent samples, so forks are short and many. On one CPU at 100000 B
     * Jetty needs 6-7 s to reach its steady rate, and with 4 s a calibrated 5 % was lost there
     * (docs/comparing-versions.md).
     */
    public static final int COMPARE_ECHO_WARMUP_ITERATIONS = 7;
    public static final int COMPARE_ECHO_WARMUP_MS = 1000;
    public static final int COMPARE_ECHO_ITERATIONS = 3;
    public static final int COMPARE_ECHO_ITERATION_MS = 500;

    /** The version comparison's permessage-deflate rows: the benchmark's own 15 s warm-up, then 3 x 500 ms as the echo rows. */
    public static final int COMPARE_DEFLATE_WARMUP_ITERATIONS = DEFLATE_WARMUP_ITERATIONS;
    public static final int COMPARE_DEFLATE_WARMUP_MS = DEFLATE_WARMUP_MS;

    /**
     * The version comparison's codec rows: 4 x 1 s of warm-up, then 4 x 250 ms. Each fork of a
     * parallel pair has one CPU, where the JIT compiles beside the benchmark thread, and there the
     * per-iteration mean falls until the third or fourth second (docs/comparing-versions.md, "Codec
     * rows"); 500 ms of warm-up timed the JIT. Not longer: nine rows must get Holm's floor of 9 pairs
     * within the 15-minute budget.
     */
    public static final int COMPARE_CODEC_WARMUP_ITERATIONS = 4;
    public static final int COMPARE_CODEC_WARMUP_MS = 1000;
    public static final int COMPARE_CODEC_ITERATIONS = 4;
    public static final int COMPARE_CODEC_ITERATION_MS = 250;
}
