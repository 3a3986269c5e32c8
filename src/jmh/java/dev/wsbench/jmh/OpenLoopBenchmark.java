package dev.wsbench.jmh;

import dev.wsbench.Timings;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.scenario.LatencyLog;
import dev.wsbench.scenario.OpenLoopEcho;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * while the server keeps up; each call waits for the next {@value #BATCH}). The latency
 * distribution (p50 to max) and the sender lag distribution are printed at the end of each trial
 * and written to the run's {@code .latency.jsonl}; the launcher then names, per server, the highest
 * rate up to which every rate tried kept its p99 under {@code -Dwsbench.openLoop.p99BoundUs}
 * (default 1000 µs), merging the forks' histograms, and flags rows whose sender lag p99 exceeds
 * {@code -Dwsbench.openLoop.senderLagBoundUs} (default 200 µs): there the client did not keep its
 * schedule and the latency is not the server's alone. Five warm-up iterations: with fewer, JIT
 * compilation shows in the p99.
 *
 * <p>One schedule for the whole trial, sent and received by the harness's own threads, so neither
 * JMH's pauses between iterations nor an iteration's end stop it: under overload the backlog, and
 * the latency, keep growing as they would in production. Messages due but not yet echoed when the
 * last measurement iteration ends are recorded with the time they had waited (a lower bound).
 * Excludes server start and the handshake.
 *
 * <pre>mvn jmh:run -Djmh.args="OpenLoopBenchmark -p rate=1000,8000"</pre>
 */
@State(Scope.Thread)
@Warmup(iterations = Timings.OPEN_LOOP_WARMUP_ITERATIONS, time = Timings.OPEN_LOOP_WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
public class OpenLoopBenchmark extends JmhDefaults {
    static final int BATCH = 10;

    @Param({"1000", "2000", "4000", "8000", "16000", "32000", "64000", "128000"})
    int rate;

    @Param(PayloadSizes.SMALL)
    int size;

    private final LatencyLog latency = new LatencyLog();
    private final LatencyLog senderLag = new LatencyLog();
    private OpenLoopEcho openLoop;
    private long target;
    private int measurementsDone;

    @Setup(Level.Trial)
    public void connect(ServerState server) {
        openLoop = new OpenLoopEcho(server.instance.uri(), Message.of(MessageType.BINARY, size), rate, latency, senderLag,
                "server=" + server.server + " client=REFERENCE scenario=open-loop rate=" + rate + " size=" + size);
        openLoop.start();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        latency.startIteration();
        senderLag.startIteration();
        target = openLoop.received(); // echoes that arrived between iterations belong to no iteration
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        boolean measurement = iteration.getType() == IterationType.MEASUREMENT;
        if (measurement && ++measurementsDone == iteration.getCount()) {
            openLoop.recordOutstanding();
        }
        latency.endIteration(measurement);
        senderLag.endIteration(measurement);
    }

    @TearDown(Level.Trial)
    public void disconnect(BenchmarkParams params) throws Exception {
        LatencyState.report(latency, params, "open-loop latency from intended send time", r -> r.senderLag = senderLag.percentiles());
        if (openLoop != null) {
            openLoop.close();
        }
    }

    /** Echoes received per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long echo(ServerEvents events) {
        target += BATCH;
        openLoop.awaitReceived(target);
        return target;
    }
}
