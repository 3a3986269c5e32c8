package dev.wsbench.jmh;

import dev.wsbench.Timings;
import java.util.concurrent.TimeUnit;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.library.netty.NettyEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.server.ServerOptions;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * permessage-deflate (RFC 7692) on versus off: the echo with the server's deflate support enabled
 * (each library's defaults) or not, and Netty's client offering it ({@code WebSocketClientCompressionHandler})
 * or not; the reference client has no deflate, so the client here is Netty's for both settings.
 * Payloads: {@code JSON} (compressible text records, {@link Message#json}) and {@code RANDOM}
 * (incompressible random bytes). Setup fails if deflate was asked for and not negotiated. Every
 * echo is checked after decompression, byte for byte.
 *
 * <p>Excludes server start and the handshake. Includes compressing and decompressing on both
 * sides, which is the point.
 *
 * <pre>mvn jmh:run -Djmh.args="CompressionBenchmark -p content=JSON"</pre>
 */
@State(Scope.Thread)
@Warmup(iterations = Timings.DEFLATE_WARMUP_ITERATIONS, time = Timings.DEFLATE_WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Timings.SCENARIO_ITERATIONS, time = Timings.SCENARIO_ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class CompressionBenchmark extends EchoRoundTrips {
    public enum Content { JSON, RANDOM }

    /** The server under test with permessage-deflate enabled or not, always in process. */
    @State(Scope.Benchmark)
    public static class DeflateServer extends ServerState {
        @Param({"true", "false"})
        boolean deflate;

        @Override
        protected ServerOptions options() {
            return ServerOptions.deflate(deflate);
        }

        @Override
        protected boolean remoteAllowed() {
            return false;
        }
    }

    @Param
    Content content;

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    @Setup(Level.Trial)
    public void connect(DeflateServer server) {
        Message message = content == Content.JSON ? Message.json(size) : Message.of(MessageType.BINARY, size);
        String context = VerifiedEcho.describe(server.server, "NETTY", size, message.type()) + " deflate=" + server.deflate + " content=" + content;
        NettyEchoClient client;
        try {
            client = NettyEchoClient.connect(server.instance.uri(), server.deflate);
        } catch (Exception e) {
            throw new IllegalStateException(context + ": could not connect to " + server.instance.uri() + ": " + e, e);
        }
        echo = new VerifiedEcho(client, message, context);
        if (client.compressing() != server.deflate) {
            throw new IllegalStateException(context + ": permessage-deflate " + (client.compressing() ? "negotiated" : "not negotiated")
                    + ", expected " + (server.deflate ? "negotiated" : "off"));
        }
        echo.roundTrip();
    }
}
