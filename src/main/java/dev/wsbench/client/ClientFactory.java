package dev.wsbench.client;

import java.net.URI;

/** How a client adapter opens one connection; see {@link EchoClient} for what it must do. */
@FunctionalInterface
public interface ClientFactory {
    /** Opens one connection to the WebSocket endpoint at {@code uri} (for example {@code ws://127.0.0.1:8080/echo}). */
    EchoClient connect(URI uri) throws Exception;
}
