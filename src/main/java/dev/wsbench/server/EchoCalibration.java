package dev.wsbench.server;

/**
 * A known slowdown for calibrating version comparisons ({@code bin/compare-versions --calibrate PCT}):
 * every server's echo path calls {@link #beforeEcho()} once per message before sending it back, and
 * when the fork was started with {@code -Dwsbench.calibrate.echoSpinNanos=N} that call busy-spins for
 * N nanoseconds on the server's thread. Nothing in any library changes; the comparison sizes N from
 * the baseline's own time per round trip measured in the same run, so the candidate side is slower
 * by a known fraction and the user sees whether the comparison finds it.
 *
 * <p>Off (the default, 0) the check is a constant the JIT folds away. Scenario paths (relay, push,
 * broadcast) never spin: only the plain echo.
 */
public final class EchoCalibration {
    public static final String SPIN_PROPERTY = "wsbench.calibrate.echoSpinNanos";
    private static final long SPIN_NANOS = Long.getLong(SPIN_PROPERTY, 0);

    private EchoCalibration() {
    }

    /** Spins for the configured time (no-op unless calibrating). */
    public static void beforeEcho() {
        if (SPIN_NANOS > 0) {
            spin(SPIN_NANOS);
        }
    }

    /** Busy-waits {@code nanos} on the calling thread; returns the time it actually spent. */
    static long spin(long nanos) {
        long start = System.nanoTime();
        long now;
        do {
            Thread.onSpinWait();
            now = System.nanoTime();
        } while (now - start < nanos);
        return now - start;
    }

    /** The spin this JVM was started with, in nanoseconds (0: off). */
    public static long spinNanos() {
        return SPIN_NANOS;
    }
}
