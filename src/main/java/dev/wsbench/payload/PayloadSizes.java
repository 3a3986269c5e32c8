package dev.wsbench.payload;

/**
 * The payload sizes of the suite, in one place. JMH {@code @Param} values must be compile-time
 * constants, so each size exists as a string constant for annotations and as an int for code.
 *
 * <p>256 B is a typical chat or RPC message, 8192 B a typical socket buffer, and 100000 B is above
 * the 64 KiB (65536) limits several libraries ship with.
 */
public final class PayloadSizes {
    public static final String SMALL = "256";
    public static final String MEDIUM = "8192";
    public static final String LARGE = "100000";

    /** The three sizes as ints, in order. */
    public static final int[] ALL = {Integer.parseInt(SMALL), Integer.parseInt(MEDIUM), Integer.parseInt(LARGE)};

    private PayloadSizes() {
    }
}
