package dev.wsbench.server;

import dev.wsbench.protocol.Protocol;
import dev.wsbench.Settings;
import java.net.URI;

/**
 * A running in-process echo server: every binary or text message received on
 * {@link Protocol#ECHO_PATH} is sent back unchanged, as the same type. {@link #close()} stops every
 * thread the server started and releases its port.
 */
public interface EchoServer extends AutoCloseable {

    /** The address the server is bound to (an IP literal or host name as given at start). */
    String host();

    /** The bound port (the real one when started on port 0). */
    int port();

    /** The WebSocket URI of the echo endpoint. */
    default URI uri() {
        return uri(Protocol.ECHO_PATH);
    }

    /** The WebSocket URI of another endpoint on this server, for example {@code /relay?pair=1}. */
    default URI uri(String pathAndQuery) {
        return URI.create(scheme() + "://" + host() + ":" + port() + pathAndQuery);
    }

    /** {@code ws}, or {@code wss} for a server started with TLS. */
    default String scheme() {
        return "ws";
    }

    @Override
    void close() throws Exception;
}
