package dev.wsbench.jmh;

import dev.wsbench.library.EchoClients;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.server.ServerOptions;
import dev.wsbench.tls.GeneratedCertificate;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The echo of {@link EchoBenchmark} over {@code wss}: every server with TLS (its library's own TLS
 * integration), the reference client on a JDK {@code SSLSocket}; certificate generated at setup by
 * {@link GeneratedCertificate} (EC P-256; the JDK picks the cipher suite, TLS 1.3 here). Read
 * beside {@code EchoBenchmark} from the same run for the cost of TLS.
 *
 * <p>Excludes server start, certificate generation and the TCP, TLS and WebSocket handshakes.
 *
 * <pre>mvn jmh:run -Djmh.args="TlsEchoBenchmark|EchoBenchmark.roundTrip$"</pre>
 */
@State(Scope.Thread)
public class TlsEchoBenchmark extends EchoRoundTrips {

    /** The server under test with TLS, always in process. */
    @State(Scope.Benchmark)
    public static class TlsServer extends ServerState {
        @Override
        protected ServerOptions options() {
            return GeneratedCertificate.get().serverOptions();
        }

        @Override
        protected boolean remoteAllowed() {
            return false;
        }
    }

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    @Setup(Level.Trial)
    public void connect(TlsServer server) {
        String context = VerifiedEcho.describe(server.server, EchoClients.REFERENCE, size, MessageType.BINARY) + " tls=on";
        try {
            echo = new VerifiedEcho(EchoClients.connect(EchoClients.REFERENCE, server.instance.uri()), Message.of(MessageType.BINARY, size), context);
        } catch (Exception e) {
            throw new IllegalStateException(context + ": could not connect to " + server.instance.uri() + ": " + e, e);
        }
        echo.roundTrip();
    }
}
