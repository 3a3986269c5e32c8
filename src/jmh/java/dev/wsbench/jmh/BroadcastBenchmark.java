package dev.wsbench.jmh;

import dev.wsbench.Timings;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.scenario.BroadcastGroup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Broadcast fan-out (uWebSockets' and websocket-shootout's broadcast): one sender, N receivers;
 * the server sends each message to all of them. One operation = one message sent and read in full
 * by every receiver, each copy checked (sequence number and content, so the delivery count is
 * exact; see {@link BroadcastGroup}). {@code broadcast}: messages per second, with
 * {@code deliveries} (messages x receivers per second) as a secondary result; {@code
 * broadcastLatency}: time until all N have the message.
 *
 * <p>Excludes server start and the N+1 handshakes. Includes the client reading N sockets on one
 * thread, which is the same for every server.
 *
 * <pre>mvn jmh:run -Djmh.args="BroadcastBenchmark -p receivers=100"</pre>
 */
@State(Scope.Thread)
@Warmup(iterations = Timings.SCENARIO_WARMUP_ITERATIONS, time = Timings.SCENARIO_WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Timings.SCENARIO_ITERATIONS, time = Timings.SCENARIO_ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class BroadcastBenchmark extends JmhDefaults {
    @Param({"10", "100", "1000"})
    int receivers;

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    private BroadcastGroup group;

    /** Deliveries counted as operations: JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Deliveries {
        public long deliveries;

        @Setup(Level.Iteration)
        public void reset() {
            deliveries = 0;
        }
    }

    @Setup(Level.Trial)
    public void connect(ServerState server) {
        group = new BroadcastGroup(server.instance.uri(), receivers, size,
                "server=" + server.server + " scenario=broadcast receivers=" + receivers + " size=" + size);
        group.broadcast(); // fail before warm-up if the group cannot broadcast at all
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        if (group != null) {
            group.close();
        }
    }

    /** Messages broadcast per second (each one delivered to every receiver). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int broadcast(Deliveries counted, ServerEvents events) {
        int delivered = group.broadcast();
        counted.deliveries += delivered;
        return delivered;
    }

    /** Time until every receiver has the message. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int broadcastLatency(ServerEvents events) {
        return group.broadcast();
    }
}
