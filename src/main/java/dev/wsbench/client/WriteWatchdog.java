package dev.wsbench.client;

import dev.wsbench.Settings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bounds blocking socket writes, which {@code java.net.Socket} cannot time out: one daemon thread
 * looks at every open {@link BlockingSocket} a few times per timeout and closes one whose write has
 * been in progress, without finishing, for longer than {@link Settings#TIMEOUT}. The write path
 * pays two volatile increments and no clock read.
 */
final class WriteWatchdog {
    private static final long TICK_MS = Math.max(10, Settings.TIMEOUT.toMillis() / 4);
    /** Per socket: the write count seen while a write was in progress, and when it was first seen. */
    private static final Map<BlockingSocket, long[]> WATCHED = new ConcurrentHashMap<>();

    static {
        Thread t = new Thread(WriteWatchdog::run, "wsbench-write-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private WriteWatchdog() {
    }

    static void watch(BlockingSocket socket) {
        WATCHED.put(socket, new long[] {-1, 0});
    }

    static void forget(BlockingSocket socket) {
        WATCHED.remove(socket);
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Map.Entry<BlockingSocket, long[]> e : WATCHED.entrySet()) {
                BlockingSocket socket = e.getKey();
                long[] seen = e.getValue();
                long writes = socket.writeCount();
                if ((writes & 1) == 0 || socket.isClosed()) {
                    seen[0] = -1; // not writing
                } else if (writes != seen[0]) {
                    seen[0] = writes; // a write started since the last look
                    seen[1] = now;
                } else if (now - seen[1] > TimeUnit.MILLISECONDS.toNanos(Settings.TIMEOUT.toMillis())) {
                    socket.abortStuckWrite();
                    WATCHED.remove(socket);
                }
            }
        }
    }
}
