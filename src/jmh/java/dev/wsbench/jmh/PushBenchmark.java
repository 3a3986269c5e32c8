package dev.wsbench.jmh;

import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.scenario.PushStream;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Server push: the client asks for {@value #BATCH} binary messages ({@code "push 100 SIZE"}) and
 * the server sends them back to back; the client reads and checks each one (length, sequence
 * number, content). Score: pushed messages per second. One-way latency of every pushed message
 * (server's hand-over to its library to the client's complete read, one clock) is printed at the
 * end of the trial as p50/p90/p99/p99.9/max and written to the run's {@code .latency.jsonl}.
 *
 * <p>Excludes server start and the handshake. Includes the request (one small text message per
 * {@value #BATCH} pushed messages) and the client's reading.
 *
 * <pre>mvn jmh:run -Djmh.args="PushBenchmark"</pre>
 */
@State(Scope.Thread)
public class PushBenchmark extends JmhDefaults {
    static final int BATCH = 100;

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    private PushStream push;

    @Setup(Level.Trial)
    public void connect(ServerState server, LatencyState latency) {
        push = new PushStream(server.instance.uri(), BATCH, size, latency.log, "server=" + server.server + " scenario=push size=" + size);
        push.batch(); // fail before warm-up if the server cannot push at all
    }

    @TearDown(Level.Trial)
    public void disconnect(LatencyState latency, BenchmarkParams params) throws Exception {
        latency.report(params, "one-way push latency", r -> { });
        if (push != null) {
            push.close();
        }
    }

    /** Pushed messages per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long pushed(ServerEvents events) {
        return push.batch();
    }
}
