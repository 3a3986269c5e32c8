package dev.wsbench.jmh;

import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.scenario.AsyncEchoLoad;
import dev.wsbench.server.RemoteServer;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Connection scaling: K connections to one server, each doing closed-loop echo round trips
 * (checked byte for byte), driven by an asynchronous client ({@link AsyncEchoLoad}: Netty's client
 * on one event-loop thread), so K is not the number of JMH threads. Score: aggregate round trips
 * per second over all connections (each benchmark call waits for the next {@value #BATCH}). Secondary
 * {@code errors}: connections lost during the iteration (connect, upgrade, drop, I/O error). Only
 * round trips completed inside an iteration count: each iteration waits for batches counted from
 * the completions at its own start (the loop keeps running between iterations). The
 * per-round-trip distribution (p50 to max) and the number of connections held are printed at the
 * end of the trial and written to the run's {@code .latency.jsonl}.
 *
 * <p>Excludes server start and opening the K connections (trial setup; failed connects are
 * counted in the report). Same process for client and server: K connections use 2K file
 * descriptors; the JVM raises its soft limit to the hard limit, so the hard limit
 * ({@code ulimit -Hn}) must exceed 2K plus about 200.
 *
 * <pre>mvn jmh:run -Djmh.args="ConnectionScalingBenchmark -p connections=1000"</pre>
 */
@State(Scope.Thread)
public class ConnectionScalingBenchmark extends JmhDefaults {
    static final int BATCH = 100;

    @Param({"1", "10", "100", "1000"})
    int connections;

    @Param(PayloadSizes.SMALL)
    int size;

    AsyncEchoLoad load;
    private long target;
    private long connectErrors;

    /** Connections lost per iteration (JMH sums them over the run). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Errors {
        public long errors;
    }

    @Setup(Level.Trial)
    public void connect(ServerState server, LatencyState latency) throws InterruptedException {
        checkDescriptorLimit(server);
        load = new AsyncEchoLoad(server.instance.uri(), connections, Message.of(MessageType.BINARY, size), latency.log,
                "server=" + server.server + " client=async-netty scenario=connection-scaling connections=" + connections + " size=" + size);
        connectErrors = load.errors();
        load.start();
    }

    /**
     * The connections keep echoing between iterations (a closed loop does not pause); what they
     * complete there belongs to no iteration, so each iteration counts from what is done at its start.
     */
    @Setup(Level.Iteration)
    public void openWindow() {
        target = load.completed();
        errorsSeen = load.errors();
    }

    @TearDown(Level.Trial)
    public void disconnect(LatencyState latency, BenchmarkParams params) throws InterruptedException {
        if (load != null) {
            latency.report(params, "round trip under K connections", r -> {
                r.connectionsRequested = connections;
                r.connectionsHeld = load.open();
                r.connectErrors = connectErrors;
                r.errors = load.errors();
                r.firstError = load.firstError();
            });
            load.close();
        }
    }

    /** Fails before connecting when the process cannot have enough file descriptors, saying how to raise them. */
    private void checkDescriptorLimit(ServerState server) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            boolean inProcess = !(server.instance instanceof RemoteServer);
            long needed = (inProcess ? 2L : 1L) * connections + 200;
            long limit = unix.getMaxFileDescriptorCount();
            if (needed > limit) {
                throw new IllegalStateException("server=" + server.server + " connections=" + connections + ": needs about " + needed
                        + " file descriptors" + (inProcess ? " (client and server in one process)" : "") + ", this JVM may open " + limit
                        + "; raise the hard limit (ulimit -Hn, limits.conf or LimitNOFILE) or use bin/connection-probe, which runs"
                        + " the server in its own process");
            }
        }
    }

    private long errorsSeen;

    /** Round trips per second over all connections. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long roundTrips(Errors errors, ServerEvents events) {
        target += BATCH;
        load.awaitCompleted(target);
        long now = load.errors();
        errors.errors += now - errorsSeen;
        errorsSeen = now;
        return target;
    }
}
