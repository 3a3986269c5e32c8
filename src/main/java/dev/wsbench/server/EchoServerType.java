package dev.wsbench.server;

/**
 * The WebSocket servers of the suite, usable directly as a JMH {@code @Param}. Each constant starts
 * its library's server through one adapter; adding a library means one adapter and one constant.
 */
public enum EchoServerType {
    JETTY("Jetty") {
        @Override
        public EchoServer start(String host, int port) throws Exception {
            return JettyEchoServer.start(host, port);
        }
    },
    UNDERTOW("Undertow") {
        @Override
        public EchoServer start(String host, int port) throws Exception {
            return UndertowEchoServer.start(host, port);
        }
    },
    NETTY("Netty") {
        @Override
        public EchoServer start(String host, int port) throws Exception {
            return NettyEchoServer.start(host, port);
        }
    },
    JAVA_WEBSOCKET("Java-WebSocket") {
        @Override
        public EchoServer start(String host, int port) throws Exception {
            return JavaWebSocketEchoServer.start(host, port);
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
    public abstract EchoServer start(String host, int port) throws Exception;
}
