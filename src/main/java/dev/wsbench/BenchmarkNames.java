package dev.wsbench;

/**
 * The benchmark methods the harness refers to by name (the launcher's sets, the comparison's
 * default rows, the summaries, the report), as JMH names them without the package:
 * {@code Class.method}. Each must be a method of a benchmark in {@code src/jmh};
 * {@code NamesTest} checks every constant here against JMH's generated benchmark list, so renaming
 * a benchmark fails a test instead of emptying a table.
 */
public final class BenchmarkNames {
    private BenchmarkNames() {
    }

    /** The package of every benchmark class, with its trailing dot. */
    public static final String PACKAGE = "dev.wsbench.jmh.";

    public static final String ECHO = "EchoBenchmark.roundTrip";
    public static final String ECHO_LATENCY = "EchoBenchmark.roundTripLatency";
    public static final String RAW_TCP_ECHO = "RawTcpEchoBenchmark.roundTrip";
    public static final String RAW_TCP_ECHO_LATENCY = "RawTcpEchoBenchmark.roundTripLatency";
    public static final String MASKING_LIBRARY = "MaskingBenchmark.library";
    public static final String MASKING_LIMIT = "MaskingBenchmark.limit";
    public static final String PARSING = "ParsingBenchmark.parse";
    public static final String PARSING_INPUT_COPY = "ParsingBenchmark.inputCopy";
    public static final String COMPRESSION = "CompressionBenchmark.roundTrip";
    public static final String OPEN_LOOP = "OpenLoopBenchmark.echo";
    public static final String CONNECTION_MEMORY = "ConnectionMemoryBenchmark.idleConnections";

    /** The class part of {@code Class.method}: {@code MaskingBenchmark}. */
    public static String className(String method) {
        return method.substring(0, method.indexOf('.'));
    }

    /** The fully qualified name JMH gives a benchmark method: {@code dev.wsbench.jmh.EchoBenchmark.roundTrip}. */
    public static String qualified(String method) {
        return PACKAGE + method;
    }

    /** A JMH include pattern that selects exactly these methods. */
    public static String includeExactly(String... methods) {
        StringBuilder p = new StringBuilder("^").append(PACKAGE.replace(".", "\\.")).append('(');
        for (int i = 0; i < methods.length; i++) {
            p.append(i > 0 ? "|" : "").append(methods[i].replace(".", "\\."));
        }
        return p.append(")$").toString();
    }
}
