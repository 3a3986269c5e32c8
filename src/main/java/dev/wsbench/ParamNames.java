package dev.wsbench;

/**
 * The JMH parameters the harness reads or sets by name (the launcher fills in {@link #SERVER} and
 * {@link #LIBRARY}, the comparison adds {@link #PLACEMENT}, the summaries group by them). Each must
 * be a {@code @Param} field of a benchmark in {@code src/jmh}; {@code NamesTest} checks every
 * constant against JMH's generated benchmark list, so renaming a field fails a test.
 */
public final class ParamNames {
    private ParamNames() {
    }

    /** The library whose server echoes ({@code ServerState.server}). */
    public static final String SERVER = "server";
    /** The echo client ({@code EchoBenchmark.client}). */
    public static final String CLIENT = "client";
    /** The library whose frame codec is timed (masking and parsing). */
    public static final String LIBRARY = "library";
    /** Where the fork's threads run ({@code ServerState.placement}). */
    public static final String PLACEMENT = "placement";
    /** Payload bytes. */
    public static final String SIZE = "size";
    /** BINARY or TEXT messages. */
    public static final String TYPE = "type";
    /** The suite's own masking loops ({@code MaskingBenchmark.kernel}). */
    public static final String KERNEL = "kernel";
    /** Heap or direct buffers for masking. */
    public static final String BUFFER = "buffer";
    /** Which side's frames a parser reads. */
    public static final String SIDE = "side";
    /** How the parser's input is cut into reads. */
    public static final String SHAPE = "shape";
    /** The open-loop send rate. */
    public static final String RATE = "rate";
    /** Receivers of one broadcast ({@code BroadcastBenchmark}). */
    public static final String RECEIVERS = "receivers";
    /** Connections held open at once ({@code ConnectionScalingBenchmark}, {@code ConnectionMemoryBenchmark}). */
    public static final String CONNECTIONS = "connections";
}
