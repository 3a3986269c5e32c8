package dev.wsbench.placement;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, as JMH secondary metrics ({@code -prof dev.wsbench.placement.CpuProfiler}):
 * {@code cpu.us/op}, the CPU time the whole benchmark process used during the iteration divided by
 * its operations (client, server, JIT and GC together: everything a round trip cost this machine),
 * and {@code cpu.server.us/op}, the same for the server's threads alone ({@link ServerThreads};
 * only when the server runs in this process). Unlike a rate, CPU per operation does not include
 * time spent waiting for a wake-up, so it says what a library's code costs whatever the placement.
 * Operations are JMH's count for the iteration, as its GC profiler normalises allocation.
 */
public final class CpuProfiler implements InternalProfiler {
    /** The secondary metric for the whole process's CPU per operation. */
    public static final String PROCESS_METRIC = "cpu.us/op";
    /** The secondary metric for the server threads' CPU per operation. */
    public static final String SERVER_METRIC = "cpu.server.us/op";

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long processBefore;
    private Map<Long, Long> serverBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation: the whole process, and the server's threads";
    }

    /**
     * The CPU figures at the moment the server began to stop, when it stopped during the current
     * iteration, else null. JMH runs a trial's teardown inside the last iteration, before the
     * profilers' {@code afterIteration}: read then, the server's threads have ended and taken their
     * CPU time with them (the last iteration had no server figure, or read about 0 where one thread
     * outlived the close), and the process's figure would include closing everything.
     */
    private static volatile StopMark stopMark;

    private record StopMark(long processNanos, Map<Long, Long> serverThreads) {
    }

    /** Called as the server under test begins to stop ({@link Placement.Applied#stop}): the iteration's CPU figures end here. */
    static void serverStopping() {
        stopMark = new StopMark(PROCESS.getProcessCpuTime(), ServerThreads.cpuSnapshot());
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        stopMark = null;
        processBefore = PROCESS.getProcessCpuTime();
        serverBefore = ServerThreads.cpuSnapshot();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        StopMark stop = stopMark;
        long process = (stop != null ? stop.processNanos() : PROCESS.getProcessCpuTime()) - processBefore;
        long server = ServerThreads.cpuNanosBetween(serverBefore, stop != null ? stop.serverThreads() : ServerThreads.cpuSnapshot());
        long ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops > 0 && processBefore >= 0) {
            out.add(new ScalarResult(PROCESS_METRIC, process / 1000.0 / ops, "µs/op", AggregationPolicy.AVG));
            if ((stop != null || ServerThreads.any()) && ManagementFactory.getThreadMXBean().isThreadCpuTimeSupported()) {
                out.add(new ScalarResult(SERVER_METRIC, server / 1000.0 / ops, "µs/op", AggregationPolicy.AVG));
            }
        }
        return out;
    }
}
