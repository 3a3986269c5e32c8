package dev.wsbench.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How often the suite had to step in for a server of this process so that a run could finish: an
 * adapter whose library needs such help calls {@link #record()} each time (today only
 * Java-WebSocket's, which re-arms a lost write; see its package). The benchmarks report the count
 * of each measured iteration as the JMH secondary metric {@value #METRIC}, so the JSON, the
 * comparisons and the echo table carry it with the row it happened in; the echo table shows the
 * column only when a row has a count above 0. Each intervention still shows in the figures: it is
 * a stall that the adapter ended.
 */
public final class ServerInterventions {
    /** The secondary metric, and the name of the JMH counter field that reports it. */
    public static final String METRIC = "serverInterventions";

    private static final AtomicLong IN_PROCESS = new AtomicLong();

    private ServerInterventions() {
    }

    /** One intervention by an adapter of this process. */
    public static void record() {
        IN_PROCESS.incrementAndGet();
    }

    /** Interventions so far in this process, by every adapter. */
    public static long inProcess() {
        return IN_PROCESS.get();
    }
}
