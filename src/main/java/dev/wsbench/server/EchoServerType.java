package dev.wsbench.server;

/**
 * The WebSocket servers of the suite, usable directly as a JMH {@code @Param}. Each constant starts
 * its library's server through one adapter; adding a library means one adapter and one constant.
 */
public enum EchoServerType {
    JETTY("Jetty") {
        @Override
        public EchoServer start(String host, int port, ServerOptions options) throws Exception {
            return JettyEchoServer.start(host, port, options);
        }
    },
    UNDERTOW("Undertow") {
        @Override
        public EchoServer start(String host, int port, ServerOptions options) throws Exception {
            return UndertowEchoServer.start(host, port, options);
        }
    },
    NETTY("Netty") {
        @Override
        public EchoServer start(String host, int port, ServerOptions options) throws Exception {
            return NettyEchoServer.start(host, port, options);
        }
    },
    JAVA_WEBSOCKET("Java-WebSocket") {
        @Override
        public EchoServer start(String host, int port, ServerOptions options) throws Exception {
            return JavaWebSocketEchoServer.start(host, port, options);
        }
    };

    private final String displayName;

    EchoServerType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Starts the server bound to {@code host} on {@code port} (0 picks a free port), serving the echo
     * endpoint; returns once it accepts connections.
     */
    public EchoServer start(String host, int port) throws Exception {
        return start(host, port, ServerOptions.PLAIN);
    }

    /** Starts the server with TLS and/or permessage-deflate as {@code options} say. */
    public abstract EchoServer start(String host, int port, ServerOptions options) throws Exception;
}
