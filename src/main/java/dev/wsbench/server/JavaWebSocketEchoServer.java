package dev.wsbench.server;

import dev.wsbench.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket's {@code WebSocketServer} with its default decoder threads (one per CPU) and
 * the default {@code Draft_6455} (no extensions, so no permessage-deflate). Deviation from
 * defaults: TCP_NODELAY on (the library's default is off, which adds Nagle delays to echoes).
 * It accepts WebSocket upgrades on any path.
 */
public final class JavaWebSocketEchoServer implements EchoServer {
    private final Server server;
    private final String host;

    private JavaWebSocketEchoServer(Server server, String host) {
        this.server = server;
        this.host = host;
    }

    public static JavaWebSocketEchoServer start(String host, int port) throws Exception {
        Server server = new Server(new InetSocketAddress(host, port));
        server.setTcpNoDelay(true);
        server.start();
        if (!server.started.await(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            server.stop();
            throw new TimeoutException("Java-WebSocket server did not start within " + Settings.TIMEOUT.toMillis() + " ms");
        }
        if (server.startFailure != null) {
            server.stop();
            throw new IOException("Java-WebSocket server failed to start on " + host + ":" + port + ": " + server.startFailure,
                    server.startFailure);
        }
        return new JavaWebSocketEchoServer(server, host);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop((int) Settings.TIMEOUT.toMillis());
    }

    private static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        volatile Exception startFailure;

        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            conn.send(message);
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            conn.send(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) { // a server-level error: during start, the bind failed
                startFailure = ex;
                started.countDown();
            }
        }
    }
}
