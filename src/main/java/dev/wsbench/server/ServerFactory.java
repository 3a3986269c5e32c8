package dev.wsbench.server;

/** How a library's server adapter is started; see {@link EchoServer} for what it must do. */
@FunctionalInterface
public interface ServerFactory {
    /**
     * Starts the server bound to {@code host} on {@code port} (0 picks a free port), with TLS and/or
     * permessage-deflate as {@code options} say; returns once it accepts connections.
     */
    EchoServer start(String host, int port, ServerOptions options) throws Exception;
}
