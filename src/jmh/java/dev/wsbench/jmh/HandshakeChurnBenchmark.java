package dev.wsbench.jmh;

import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
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

/**
 * Handshake churn (WebSocket Benchmarker's reconnecting clients): per operation a new TCP
 * connection, the HTTP upgrade (accept key checked), one checked echo, and the closing handshake
 * (close frame both ways, then the socket is closed). Score: such connection lifetimes per second.
 *
 * <p>Excludes server start. Includes the reference client's own connect and close (blocking,
 * small). The client closes its socket once the server's close frame or end of stream arrives, so
 * TIME_WAIT mostly stays on the server side; Linux reuses loopback TIME_WAIT ports
 * ({@code net.ipv4.tcp_tw_reuse=2}, the default), so long runs do not run out of ports.
 *
 * <pre>mvn jmh:run -Djmh.args="HandshakeChurnBenchmark"</pre>
 */
@State(Scope.Thread)
public class HandshakeChurnBenchmark extends JmhDefaults {
    @Param(PayloadSizes.SMALL)
    int size;

    private ServerState server;
    private Message message;
    private String context;

    @Setup(Level.Trial)
    public void prepare(ServerState server) {
        this.server = server;
        this.message = Message.of(MessageType.BINARY, size);
        this.context = "server=" + server.server + " scenario=handshake-churn size=" + size;
        connectEchoCloseOnce(); // fail before warm-up if a connection cannot be made at all
    }

    /** Connections (upgrade, one echo, close) per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int connectEchoClose(ServerEvents events) {
        return connectEchoCloseOnce();
    }

    /** Connect and upgrade, one checked echo, and the closing handshake (which fails if the server never answers it). */
    private int connectEchoCloseOnce() {
        ReferenceEchoClient client;
        try {
            client = ReferenceEchoClient.connect(server.instance.uri());
        } catch (Exception e) {
            throw new IllegalStateException(context + ": connect and upgrade to " + server.instance.uri() + " failed: " + e, e);
        }
        try (VerifiedEcho echo = new VerifiedEcho(client, message, context)) {
            return echo.roundTrip();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(context + ": close failed: " + e, e);
        }
    }
}
