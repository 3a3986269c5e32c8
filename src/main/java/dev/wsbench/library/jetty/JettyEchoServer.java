package dev.wsbench.library.jetty;

import dev.wsbench.Settings;
import dev.wsbench.protocol.Protocol;
import dev.wsbench.server.BoundServer;
import dev.wsbench.server.ScenarioHub;
import dev.wsbench.server.ServerOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12 core server ({@code jetty-websocket-jetty-server}, no servlets) with the default
 * {@code QueuedThreadPool}. Deviations from defaults: binary/text message and frame limits raised
 * from 64 KiB to {@link Settings#MAX_MESSAGE_BYTES}; idle timeout off; no extension is ever
 * negotiated (permessage-deflate off) unless
 * {@link ServerOptions#deflate()}, which leaves Jetty's default (permessage-deflate offered by
 * {@code jetty-websocket-core-common}) in place. TLS through {@code SslContextFactory.Server}. TCP_NODELAY is Jetty's default.
 *
 * <p>The echo hands the received buffer straight back to {@code sendBinary} and completes the
 * receive callback when the send completes: Jetty's zero-copy idiom.
 */
public final class JettyEchoServer extends BoundServer {
    private final Server server;

    private JettyEchoServer(Server server, String host, int port, String scheme) {
        super(host, port, scheme);
        this.server = server;
    }

    public static JettyEchoServer start(String host, int port, ServerOptions options) throws Exception {
        Server server = new Server();
        ScenarioHub hub = new ScenarioHub();
        ServerConnector connector;
        if (options.isTls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(options.tls());
            connector = new ServerConnector(server, tls);
        } else {
            connector = new ServerConnector(server);
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxBinaryMessageSize(Settings.MAX_MESSAGE_BYTES);
            container.setMaxTextMessageSize(Settings.MAX_MESSAGE_BYTES);
            container.setMaxFrameSize(Settings.MAX_MESSAGE_BYTES);
            container.setIdleTimeout(Duration.ZERO);
            container.addMapping(Protocol.ECHO_PATH, (request, response, callback) -> {
                if (!options.deflate()) {
                    response.setExtensions(List.of());
                }
                return new Endpoint();
            });
            for (String path : List.of(Protocol.RELAY_PATH, Protocol.PUSH_PATH, Protocol.BROADCAST_PATH)) {
                container.addMapping(path, (request, response, callback) -> {
                    response.setExtensions(List.of());
                    return new ScenarioEndpoint(hub);
                });
            }
        }));
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyEchoServer(server, host, connector.getLocalPort(), options.scheme());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        server.join();
    }

    /** The field scenarios: {@link ScenarioHub} logic, Jetty's session for sending. */
    public static final class ScenarioEndpoint implements Session.Listener.AutoDemanding, ScenarioHub.Peer {
        private final ScenarioHub hub;
        private Session session;
        private ScenarioHub.Session scenario;

        ScenarioEndpoint(ScenarioHub hub) {
            this.hub = hub;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            URI uri = session.getUpgradeRequest().getRequestURI();
            scenario = hub.open(Protocol.requestTarget(uri), this);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            scenario.onBinary(payload); // the hub copies what it keeps
            callback.succeed();
        }

        @Override
        public void onWebSocketText(String text) {
            scenario.onText(text);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            scenario.onClose();
        }

        @Override
        public void sendBinary(ByteBuffer data) {
            session.sendBinary(data, Callback.NOOP);
        }

        @Override
        public void sendText(String text) {
            session.sendText(text, Callback.NOOP);
        }

        @Override
        public void close(int code, String reason) {
            session.close(code, reason, Callback.NOOP);
        }
    }

    /** Jetty requires endpoint classes to be public. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            session.sendBinary(payload, callback);
        }

        @Override
        public void onWebSocketText(String text) {
            session.sendText(text, Callback.NOOP);
        }
    }
}
