package dev.wsbench.client;

import dev.wsbench.Settings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bounds blocking socket I/O that the JDK cannot time out (writes on a {@code java.net.Socket},
 * reads and writes on a blocking {@code SocketChannel}): one daemon thread looks at every watched
 * connection a few times per timeout and aborts one whose I/O has been in progress, without
 * finishing, for longer than {@link Settings#TIMEOUT}. The I/O path pays two volatile increments
 * and no clock read.
 */
final class IoWatchdog {
    /** A connection whose blocking I/O the watchdog bounds. */
    interface Watched {
        /** Incremented when an I/O starts and when it ends: odd while one is in progress. */
        long ioCount();

        /** Ends the stuck I/O (closes the connection) and remembers why, for the I/O's failure message. */
        void abortStuckIo();

        boolean isClosed();
    }

    private static final long TICK_MS = Math.max(10, Settings.TIMEOUT.toMillis() / 4);
    /** Per connection: the I/O count seen while an I/O was in progress, and when it was first seen. */
    private static final Map<Watched, long[]> WATCHED = new ConcurrentHashMap<>();

    static {
        Thread t = new Thread(IoWatchdog::run, "wsbench-io-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private IoWatchdog() {
    }

    static void watch(Watched connection) {
        WATCHED.put(connection, new long[] {-1, 0});
    }

    static void forget(Watched connection) {
        WATCHED.remove(connection);
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Map.Entry<Watched, long[]> e : WATCHED.entrySet()) {
                Watched connection = e.getKey();
                long[] seen = e.getValue();
                long count = connection.ioCount();
                if ((count & 1) == 0 || connection.isClosed()) {
                    seen[0] = -1; // no I/O in progress
                } else if (count != seen[0]) {
                    seen[0] = count; // an I/O started since the last look
                    seen[1] = now;
                } else if (now - seen[1] > TimeUnit.MILLISECONDS.toNanos(Settings.TIMEOUT.toMillis())) {
                    connection.abortStuckIo();
                    WATCHED.remove(connection);
                }
            }
        }
    }
}
