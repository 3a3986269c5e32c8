package dev.wsbench.client;

/**
 * A known slowdown for calibrating version comparisons ({@code bin/compare-versions --calibrate PCT}):
 * every checked echo ({@link VerifiedEcho#roundTrip()}, the timed operation of the echo benchmarks)
 * calls {@link #afterRoundTrip()} once, and when the fork was started with
 * {@code -Dwsbench.calibrate.echoSpinNanos=N} that call busy-spins for N nanoseconds on the benchmark
 * thread. Nothing in any library changes; the comparison sizes N from the baseline's own time per
 * operation measured in the same run, so the candidate's operations take a known fraction longer
 * and the user sees whether the comparison finds it.
 *
 * <p>The spin is in the client's timed path, not in the server's echo path, because a delay inside a
 * server does not add its own length to a round trip (one in Jetty's handler made its 256-byte echo
 * faster). A client spin comes closer, but not always: it also delays the next request, and on one
 * CPU that can change how a server's threads park and wake, so that the process spends more CPU per
 * echo than the spin. The comparison reports injected against measured, and the CPU per echo of
 * both sides, for every echo row, so such rows show; the measurements are in
 * docs/comparing-versions.md ("Calibration" and "Measured on a quiet VM").
 * Off (the default, 0) the check is a constant the JIT folds away.
 */
public final class EchoCalibration {
    public static final String SPIN_PROPERTY = "wsbench.calibrate.echoSpinNanos";
    private static final long SPIN_NANOS = Long.getLong(SPIN_PROPERTY, 0);

    private EchoCalibration() {
    }

    /** Spins for the configured time (no-op unless calibrating). */
    public static void afterRoundTrip() {
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
