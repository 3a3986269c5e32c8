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
 * server did not add its own length to a round trip: with the whole fork on one CPU, a 1.4 µs spin in
 * Jetty's echo handler made its 256-byte echo 7.9 % <em>faster</em>. Here it comes closer (Netty
 * 256 B: −5.2 % for −5 %), but not always: a client spin also delays the next request, and on one CPU
 * that changes how a server's threads park and wake (Jetty 256 B: −11.8 % for −5 %; for a 0.37 µs
 * spin the process's CPU per echo rose 2.98 µs, 1.22 µs of it on Jetty's threads, on 2026-12-02).
 * The comparison reports injected against measured, and the CPU per echo of both sides, for every
 * echo row, so such rows show (docs/comparing-versions.md, "Measured on the project's VM").
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
