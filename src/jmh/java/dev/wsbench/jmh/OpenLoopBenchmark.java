package dev.wsbench.jmh;

import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.scenario.LatencyLog;
import dev.wsbench.scenario.OpenLoopEcho;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Open-loop latency (wrk2): echo messages sent at a fixed {@code rate} on one connection whatever
 * the replies; each echo is checked and its latency taken from its intended send time into an
 * HdrHistogram, so stalls are charged to every message they delay (coordinated omission
 * corrected; see {@link OpenLoopEcho}). Score: echoes received per second (equal to {@code rate}
 * while the server keeps up). The latency distribution (p50, p90, p99, p99.9, max) is printed at the
 * end of each trial and written to the run's {@code .latency.jsonl}; the launcher then names, per
 * server, the highest rate up to which every rate tried kept its p99 under
 * {@code -Dwsbench.openLoop.p99BoundUs} (default 1000 µs). Five warm-up iterations: with fewer, JIT
 * compilation shows in the p99.
 *
 * <p>Each iteration runs its own schedule and waits for all its echoes at the end, so the pauses
 * between JMH iterations are not counted. Excludes server start and the handshake.
 *
 * <pre>mvn jmh:run -Djmh.args="OpenLoopBenchmark -p rate=1000,8000"</pre>
 */
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1) // p99 at 1000/s moved from ~1.7 ms to ~0.4 ms with 5 warm-ups instead of 1-2
public class OpenLoopBenchmark extends JmhDefaults {
    @Param({"1000", "2000", "4000", "8000", "16000", "32000", "64000", "128000"})
    int rate;

    @Param(PayloadSizes.SMALL)
    int size;

    private final LatencyLog latency = new LatencyLog();
    private OpenLoopEcho openLoop;

    @Setup(Level.Trial)
    public void connect(ServerState server) {
        openLoop = new OpenLoopEcho(server.running.uri(), Message.of(MessageType.BINARY, size), rate, latency,
                "server=" + server.server + " client=REFERENCE scenario=open-loop rate=" + rate + " size=" + size);
    }

    @Setup(Level.Iteration)
    public void startSchedule() {
        latency.startIteration();
        openLoop.startSchedule();
    }

    @TearDown(Level.Iteration)
    public void drain(IterationParams iteration) {
        openLoop.stopAndDrain();
        latency.endIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Trial)
    public void disconnect(BenchmarkParams params) throws Exception {
        LatencyState.report(latency, params, "open-loop latency from intended send time", Map.of());
        if (openLoop != null) {
            openLoop.close();
        }
    }

    /** Echoes received per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int echo() {
        return openLoop.receive();
    }
}
