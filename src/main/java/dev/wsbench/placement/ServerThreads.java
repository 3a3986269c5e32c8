package dev.wsbench.placement;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of the server under test, told apart from the client's: the server is started from
 * a thread of the thread group {@value #GROUP_NAME}, and every thread the libraries start inherits
 * the group of the thread that starts it (Netty's thread factory takes it from the thread that
 * creates the event loop group, Jetty's, Undertow's and Java-WebSocket's threads from their
 * creating thread). Their CPU time is what {@link CpuProfiler} reports as the server's.
 */
public final class ServerThreads {
    static final String GROUP_NAME = "wsbench-server";
    private static final ThreadGroup GROUP = new ThreadGroup(GROUP_NAME);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ServerThreads() {
    }

    /**
     * Runs {@code start} on a new thread of the server group, pinned first to {@code cpus} when not
     * null, and returns what it returned (or throws what it threw).
     */
    public static <T> T start(List<Integer> cpus, Callable<T> start) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread starter = new Thread(GROUP, () -> {
            try {
                if (cpus != null) {
                    CpuAffinity.pinCurrentThread(cpus);
                }
                result.set(start.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }, "wsbench-server-starter");
        starter.start();
        starter.join(); // start() itself is bounded: every server start waits at most the timeout
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Whether {@code thread} is one of the server's. */
    public static boolean isServerThread(Thread thread) {
        for (ThreadGroup g = thread.getThreadGroup(); g != null; g = g.getParent()) {
            if (g == GROUP) {
                return true;
            }
        }
        return false;
    }

    /**
     * CPU time used so far by each live server thread, by thread id (empty where the JVM cannot tell).
     * Compare two with {@link #cpuNanosBetween}: a sum over the group would go down when a thread ends
     * (Netty's global executor thread ends after a second idle), taking its CPU time with it.
     */
    public static Map<Long, Long> cpuSnapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        if (!THREADS.isThreadCpuTimeSupported()) {
            return cpu;
        }
        Thread[] threads = new Thread[GROUP.activeCount() + 16];
        int n = GROUP.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            long t = THREADS.getThreadCpuTime(threads[i].getId());
            if (t >= 0) {
                cpu.put(threads[i].getId(), t);
            }
        }
        return cpu;
    }

    /**
     * CPU nanoseconds the server's threads used from snapshot {@code before} to snapshot
     * {@code after}: for each thread in {@code after}, what it used since {@code before} (all of it
     * for a thread started since). A thread that ended in between takes its last stretch with it, so
     * this can under-count, never go negative.
     */
    static long cpuNanosBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long total = 0;
        for (Map.Entry<Long, Long> now : after.entrySet()) {
            total += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return total;
    }

    /** Whether any server thread is alive (a server started in this process). */
    public static boolean any() {
        return GROUP.activeCount() > 0;
    }
}
