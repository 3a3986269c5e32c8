package dev.wsbench.jmh;

import dev.wsbench.Timings;
import java.util.concurrent.TimeUnit;
import dev.wsbench.library.EchoClients;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WebSocket echo round trip over loopback: one message sent, its echo received in full and checked
 * byte for byte (the check is inside the timed path; {@code EchoVerificationBenchmark} measures what
 * it costs). One connection per JMH thread, so {@code -t N} gives N concurrent connections to one
 * server.
 *
 * <p>Measures the server's and the client's WebSocket paths plus the kernel's loopback: read the
 * figures beside {@link RawTcpEchoBenchmark} from the same run. Excludes server start and the
 * opening handshake (trial setup). By default every server is measured with the reference client,
 * binary messages, three sizes.
 *
 * <pre>
 * mvn jmh:run -Djmh.args="EchoBenchmark"                       # servers x sizes, reference client
 * mvn jmh:run -Djmh.args="EchoBenchmark -p client=JDK,NETTY -p type=TEXT"
 * mvn jmh:run -Djmh.set=full                                   # every client x server x type
 * </pre>
 */
@State(Scope.Thread)
@Warmup(iterations = Timings.ECHO_WARMUP_ITERATIONS, time = Timings.ECHO_WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Timings.ECHO_ITERATIONS, time = Timings.ECHO_ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class EchoBenchmark extends EchoRoundTrips {

    /** REFERENCE, JDK or a library with a client ({@link EchoClients#names()}). */
    @Param(EchoClients.REFERENCE)
    String client;

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    @Param("BINARY")
    MessageType type;

    @Setup(Level.Trial)
    public void connect(ServerState server) {
        String context = VerifiedEcho.describe(server.server, client, size, type);
        try {
            echo = new VerifiedEcho(EchoClients.connect(client, server.instance.uri()), Message.of(type, size), context);
        } catch (Exception e) {
            throw new IllegalStateException(context + ": could not connect to " + server.instance.uri() + ": " + e, e);
        }
        echo.roundTrip(); // fail here, before warm-up, if the pair cannot echo at all
    }
}
