package dev.wsbench.jmh;

import dev.wsbench.Settings;
import dev.wsbench.VerifiedEcho;
import dev.wsbench.client.RawTcpEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.server.RawTcpEchoServer;
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

/**
 * The loopback limit: the same payload bytes echoed by a minimal blocking TCP server, with the
 * reference client's socket code and no WebSocket framing or HTTP upgrade. Every
 * {@link EchoBenchmark} figure is best read as a ratio to this one from the same run, because
 * cross-CPU wakeups on a small VM swing absolute round-trip rates from run to run.
 *
 * <p>Excludes nothing the WebSocket echo includes except framing, masking and the libraries.
 *
 * <pre>mvn jmh:run -Djmh.args="RawTcpEchoBenchmark"</pre>
 */
@State(Scope.Thread)
public class RawTcpEchoBenchmark extends JmhDefaults {

    @State(Scope.Benchmark)
    public static class ServerState {
        RawTcpEchoServer running;

        @Setup(Level.Trial)
        public void start() throws Exception {
            running = RawTcpEchoServer.start(Settings.LOOPBACK, 0);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            running.close();
        }
    }

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    private VerifiedEcho echo;

    @Setup(Level.Trial)
    public void connect(ServerState server) throws Exception {
        String context = VerifiedEcho.describe("RAW_TCP", "RAW_TCP", size, MessageType.BINARY);
        echo = new VerifiedEcho(RawTcpEchoClient.connect(server.running.uri()), Message.of(MessageType.BINARY, size), context);
        echo.roundTrip();
    }

    @TearDown(Level.Trial)
    public void disconnect() throws Exception {
        echo.close();
    }

    /** Round trips per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int roundTrip() {
        return echo.roundTrip();
    }

    /** Round-trip time distribution. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int roundTripLatency() {
        return echo.roundTrip();
    }
}
