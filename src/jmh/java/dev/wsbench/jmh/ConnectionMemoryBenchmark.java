package dev.wsbench.jmh;

import dev.wsbench.Timings;
import dev.wsbench.library.Library;
import dev.wsbench.scenario.IdleConnectionMemory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory per open idle connection, the sibling of {@link ConnectionScalingBenchmark}: the server
 * runs in its own JVM ({@link IdleConnectionMemory}: {@code StandaloneServer}, {@code -Xms2g -Xmx2g}),
 * this fork opens {@code connections} connections to it with the reference client (upgrade and one
 * checked 256-byte echo each, then idle), and the server reports its heap in use after two full
 * collections and its resident set size, before and after. The figures are the secondary metrics
 * {@code heapKiBPerConnection} and {@code rssKiBPerConnection} (growth divided by the count, read
 * from the server's process, so the client's memory is not in them); the primary score is only the
 * time the whole measurement took. One measurement per fork, no warmup: memory, not speed.
 *
 * <p>The client side needs {@code connections} + 200 file descriptors ({@code ulimit -Hn}).
 *
 * <pre>mvn jmh:run -Djmh.args="ConnectionMemoryBenchmark -p connections=1000,10000"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = Timings.MEMORY_WARMUP_ITERATIONS)
@Measurement(iterations = Timings.MEMORY_ITERATIONS, time = Timings.MEMORY_ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class ConnectionMemoryBenchmark extends JmhDefaults {
    @Param // the launcher gives every library with a server unless -p server= says
    Library server;

    @Param({"1000", "10000"})
    int connections;

    /** Set (not added) once per measurement: one measurement runs per iteration, it takes longer than the iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PerConnection {
        public double heapKiBPerConnection;
        public double rssKiBPerConnection;
    }

    @Benchmark
    public IdleConnectionMemory.Step idleConnections(PerConnection memory) throws Exception {
        IdleConnectionMemory.Step step = IdleConnectionMemory.measure(server.requireServer(), List.of(connections)).get(0);
        memory.heapKiBPerConnection = step.heapBytesPerConnection() / 1024;
        memory.rssKiBPerConnection = step.rssBytesPerConnection() / 1024;
        return step;
    }
}
