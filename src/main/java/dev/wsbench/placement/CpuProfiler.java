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

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long processBefore;
    private Map<Long, Long> serverBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation: the whole process, and the server's threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        processBefore = os.getProcessCpuTime();
        serverBefore = ServerThreads.cpuSnapshot();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long process = os.getProcessCpuTime() - processBefore;
        long server = ServerThreads.cpuNanosSince(serverBefore);
        long ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops > 0 && processBefore >= 0) {
            out.add(new ScalarResult(PROCESS_METRIC, process / 1000.0 / ops, "µs/op", AggregationPolicy.AVG));
            if (ServerThreads.any() && ManagementFactory.getThreadMXBean().isThreadCpuTimeSupported()) {
                out.add(new ScalarResult(SERVER_METRIC, server / 1000.0 / ops, "µs/op", AggregationPolicy.AVG));
            }
        }
        return out;
    }
}
