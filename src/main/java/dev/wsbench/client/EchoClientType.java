package dev.wsbench.client;

import java.net.URI;

/**
 * The WebSocket clients of the suite, usable directly as a JMH {@code @Param}. Each constant opens
 * one connection through its adapter; adding a client means one adapter and one constant here.
 */
public enum EchoClientType {
    /** The suite's own blocking client: the default for comparing servers. */
    REFERENCE {
        @Override
        public EchoClient connect(URI uri) throws Exception {
            return ReferenceEchoClient.connect(uri);
        }
    },
    /** The JDK's {@code java.net.http.WebSocket}. */
    JDK {
        @Override
        public EchoClient connect(URI uri) throws Exception {
            return JdkEchoClient.connect(uri);
        }
    },
    JETTY {
        @Override
        public EchoClient connect(URI uri) throws Exception {
            return JettyEchoClient.connect(uri);
        }
    },
    UNDERTOW {
        @Override
        public EchoClient connect(URI uri) throws Exception {
            return UndertowEchoClient.connect(uri);
        }
    },
    NETTY {
        @Override
        public EchoClient connect(URI uri) throws Exception {
            return NettyEchoClient.connect(uri);
        }
    },
    JAVA_WEBSOCKET {
        @Override
        public EchoClient connect(URI uri) throws Exception {
            return JavaWebSocketEchoClient.connect(uri);
        }
    };

    /** Opens one connection to the WebSocket endpoint at {@code uri} (for example {@code ws://127.0.0.1:8080/echo}). */
    public abstract EchoClient connect(URI uri) throws Exception;
}
