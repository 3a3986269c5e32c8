package dev.wsbench.jmh;

import dev.wsbench.Settings;
import dev.wsbench.placement.Placement;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.client.RawTcpEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.server.RawTcpEchoServer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The loopback baseline: the same payload bytes echoed whole (received in full, then written back)
 * by the cheapest honest echo the JVM allows: NIO channels and direct buffers on both ends, a
 * 4-byte length instead of WebSocket framing, no HTTP upgrade, no masking, no library (see
 * {@link RawTcpEchoServer}). It is meant as the floor every WebSocket echo of the same bytes pays:
 * read {@link EchoBenchmark} figures as ratios to this one from the same run, because cross-CPU
 * wake-ups on a small VM swing absolute round-trip rates from run to run. With client and server on
 * different CPUs a server whose threads wake differently can still beat it (see the README).
 *
 * <pre>mvn jmh:run -Djmh.args="RawTcpEchoBenchmark"</pre>
 */
@State(Scope.Thread)
public class RawTcpEchoBenchmark extends EchoRoundTrips {

    @State(Scope.Benchmark)
    public static class ServerState {
        /** Where the fork's threads run, as for the WebSocket echo (see {@link Placement}). */
        @Param("FREE")
        Placement placement;

        RawTcpEchoServer instance;
        private Placement.Applied placed;

        @Setup(Level.Trial)
        public void start() throws Exception {
            placed = placement.apply();
            instance = placed.startServer(() -> RawTcpEchoServer.start(Settings.LOOPBACK, 0));
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            if (placed != null) { // null only when setup failed before anything was placed or started
                placed.stop(instance);
            }
        }
    }

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    @Setup(Level.Trial)
    public void connect(ServerState server) throws Exception {
        String context = VerifiedEcho.describe("RAW_TCP", "RAW_TCP", size, MessageType.BINARY);
        echo = new VerifiedEcho(RawTcpEchoClient.connect(server.instance.uri()), Message.of(MessageType.BINARY, size), context);
        echo.roundTrip();
    }
}
