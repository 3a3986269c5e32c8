package dev.wsbench.library.tomcat;

import dev.wsbench.Settings;
import dev.wsbench.protocol.Protocol;
import dev.wsbench.server.BoundServer;
import dev.wsbench.server.ScenarioHub;
import dev.wsbench.server.ServerOptions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * An embedded Tomcat (NIO connector, its default executor: 10 to 200 threads) with Tomcat's
 * Jakarta WebSocket implementation ({@code WsSci}, as a web application gets it), the echo and
 * scenario endpoints added programmatically as {@code jakarta.websocket.Endpoint}s. The echo sends
 * with the session's basic (blocking) remote from the thread that received the message, the usual
 * Jakarta WebSocket idiom; text is received as a {@code String} and sent as one.
 *
 * <p>Deviations from defaults: partial-message handlers that assemble each message
 * ({@link MessageAssembler}: Tomcat's whole-message handlers would reserve the 64 MiB limit per
 * connection); messages over {@link Settings#MAX_MESSAGE_BYTES} closed with 1009; no extension
 * negotiated (Tomcat offers permessage-deflate by default) unless {@link ServerOptions#deflate()};
 * a blocking send waits at most {@link Settings#TIMEOUT} (Tomcat: 20 s); no connection limit
 * ({@code maxConnections} 8192 → unlimited: the suite holds up to 19 000); JMX registration off
 * (several Tomcats share a JVM in the tests); Tomcat's logging at WARNING. TLS through the JDK
 * {@code SSLContext} handed to the connector's {@code SSLHostConfigCertificate}.
 */
public final class TomcatEchoServer extends BoundServer {
    /** Tomcat logs each start and stop at INFO through java.util.logging; kept here so the setting is not collected. */
    private static final Logger TOMCAT_LOGS = Logger.getLogger("org.apache");
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Tomcat's user property for how long a blocking send may wait, in milliseconds. */
    static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    static {
        TOMCAT_LOGS.setLevel(Level.WARNING);
        Registry.disableRegistry();
    }

    private final Tomcat tomcat;
    private final Path baseDir;

    private TomcatEchoServer(Tomcat tomcat, Path baseDir, String host, int port, String scheme) {
        super(host, port, scheme);
        this.tomcat = tomcat;
        this.baseDir = baseDir;
    }

    public static TomcatEchoServer start(String host, int port, ServerOptions options) throws Exception {
        Path baseDir = Files.createTempDirectory("wsbench-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.getEngine().setName("wsbench-tomcat-" + INSTANCES.incrementAndGet());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", host);
        // Tomcat's NIO connector stops accepting at 8192 open connections by default; the suite holds
        // 10 000 (memory per connection) and up to 19 000 (bin/connection-probe).
        connector.setProperty("maxConnections", "-1");
        if (options.isTls()) {
            connector.setSecure(true);
            connector.setScheme("https");
            connector.setProperty("SSLEnabled", "true");
            SSLHostConfig ssl = new SSLHostConfig();
            SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
            certificate.setSslContext(new TomcatSslContext(options.tls()));
            ssl.addCertificate(certificate);
            connector.addSslHostConfig(ssl);
        }
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        // Requests that are not upgraded need a servlet to land on (WsFilter upgrades before it).
        Tomcat.addServlet(context, "none", new HttpServlet() {
            private static final long serialVersionUID = 1L;
        });
        context.addServletMappingDecoded("/", "none");
        context.addServletContainerInitializer(new WsSci(), null);
        ScenarioHub hub = new ScenarioHub();
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(endpoint(Protocol.ECHO_PATH, options.deflate(), EchoEndpoint::new));
                for (String path : List.of(Protocol.RELAY_PATH, Protocol.PUSH_PATH, Protocol.BROADCAST_PATH)) {
                    container.addEndpoint(endpoint(path, false, () -> new ScenarioEndpoint(hub)));
                }
            } catch (DeploymentException e) {
                throw new ServletException(e);
            }
        }, null);
        try {
            tomcat.start();
            if (connector.getLocalPort() <= 0) {
                throw new IOException("Tomcat's connector did not bind " + host + ":" + port
                        + " (state " + connector.getState() + "; the port may be in use)");
            }
        } catch (Exception e) {
            stop(tomcat, baseDir);
            throw e;
        }
        return new TomcatEchoServer(tomcat, baseDir, host, connector.getLocalPort(), options.scheme());
    }

    private static ServerEndpointConfig endpoint(String path, boolean deflate, Supplier<Endpoint> factory) {
        return ServerEndpointConfig.Builder.create(Endpoint.class, path).configurator(new ServerEndpointConfig.Configurator() {
            @Override
            public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                return deflate ? super.getNegotiatedExtensions(installed, requested) : List.of();
            }

            @Override
            public <T> T getEndpointInstance(Class<T> endpointClass) {
                return endpointClass.cast(factory.get());
            }
        }).build();
    }

    @Override
    public void close() throws Exception {
        stop(tomcat, baseDir);
    }

    private static void stop(Tomcat tomcat, Path baseDir) throws Exception {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            if (!Files.exists(baseDir)) {
                return; // closed before
            }
            try (Stream<Path> files = Files.walk(baseDir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void limitSends(Session session) {
        session.getUserProperties().put(BLOCKING_SEND_TIMEOUT, Settings.TIMEOUT.toMillis());
    }

    /** The echo: each whole message back through the basic remote, from the receiving thread. */
    static final class EchoEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            limitSends(session);
            RemoteEndpoint.Basic remote = session.getBasicRemote();
            MessageAssembler.install(session, new MessageAssembler.Receiver() {
                @Override
                public void onBinary(ByteBuffer message) throws IOException {
                    remote.sendBinary(message);
                }

                @Override
                public void onText(String message) throws IOException {
                    remote.sendText(message);
                }
            });
        }
    }

    /**
     * The field scenarios: {@link ScenarioHub} logic, Tomcat's session for sending. Other
     * connections' threads send to this one (relay, broadcast), and Jakarta WebSocket allows one
     * send at a time per session, so sends are serialised here.
     */
    static final class ScenarioEndpoint extends Endpoint implements ScenarioHub.Peer {
        private final ScenarioHub hub;
        private Session session;
        private ScenarioHub.Session scenario;

        ScenarioEndpoint(ScenarioHub hub) {
            this.hub = hub;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            limitSends(session);
            URI uri = session.getRequestURI();
            scenario = hub.open(Protocol.requestTarget(uri), this);
            MessageAssembler.install(session, new MessageAssembler.Receiver() {
                @Override
                public void onBinary(ByteBuffer message) {
                    scenario.onBinary(message); // the hub copies what it keeps
                }

                @Override
                public void onText(String message) {
                    scenario.onText(message);
                }
            });
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            if (scenario != null) {
                scenario.onClose();
            }
        }

        @Override
        public synchronized void sendBinary(ByteBuffer data) {
            try {
                session.getBasicRemote().sendBinary(data.duplicate());
            } catch (IOException | IllegalStateException e) {
                fail(e);
            }
        }

        @Override
        public synchronized void sendText(String text) {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException | IllegalStateException e) {
                fail(e);
            }
        }

        @Override
        public synchronized void close(int code, String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            } catch (IOException e) {
                // already going away
            }
        }

        private void fail(Exception e) {
            close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "send failed");
        }
    }
}
