package dev.wsbench.library.javawebsocket;

import dev.wsbench.Settings;
import dev.wsbench.server.ServerInterventions;
import dev.wsbench.server.BoundServer;
import dev.wsbench.server.ScenarioHub;
import dev.wsbench.server.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket's {@code WebSocketServer} with its default decoder threads (one per CPU) and
 * the default {@code Draft_6455} (no extensions, so no permessage-deflate; with
 * {@link ServerOptions#deflate()} a {@code Draft_6455} with its {@code PerMessageDeflateExtension}).
 * TLS through {@code DefaultSSLWebSocketServerFactory}. Deviations from
 * defaults: TCP_NODELAY on (the library's default is off, which adds Nagle delays to echoes);
 * frame and message limit {@link Settings#MAX_MESSAGE_BYTES} (default unlimited, and the draft
 * allocates whatever a frame header claims); SO_REUSEADDR on; an opening handshake over 64 KiB is
 * refused (see {@link HandshakeLimit}; the library has no limit).
 * It accepts WebSocket upgrades on any path; scenario paths go to {@link ScenarioHub}, all others echo.
 *
 * <p><b>Lost-write rescue.</b> Java-WebSocket 1.5/1.6 can lose a connection's write interest: the
 * selector thread, acting on a stale "writable" readiness (keys are not removed from the selected
 * set), finds the out-queue empty and sets the interest back to READ just after a decoder thread
 * queued a reply and asked for WRITE. The reply then waits until the next send on that connection;
 * in a ping-pong there is none, so the echo never comes. How often is a race whose rate moves from
 * session to session (docs/measurement.md#java-websocket-lost-write-interest has the counts), so
 * every row reports its own. A real application
 * sees such a message delayed until its
 * next message to that peer (Java-WebSocket issue #145 describes that symptom). So that a run can
 * finish, this adapter checks every {@value #RESCUE_TICK_MS} ms for a connection whose queued data
 * made no progress over a whole tick while WRITE interest is off, re-arms WRITE, and counts it; the
 * benchmarks report the count per row as the secondary metric {@code serverInterventions}
 * ({@link ServerInterventions}: JMH JSON, the echo table), and it is printed when the server stops. The stall still shows in the figures (as a round trip of
 * {@value #RESCUE_TICK_MS}-{@value #RESCUE_TICK_MS}x2 ms). {@code -Dwsbench.javaWebSocket.rescueLostWrites=false}
 * turns the rescue off, and the run then fails on the first stall with the usual timeout message.
 */
public final class JavaWebSocketEchoServer extends BoundServer {
    static final int RESCUE_TICK_MS = 25;
    private static final boolean RESCUE = Boolean.parseBoolean(System.getProperty("wsbench.javaWebSocket.rescueLostWrites", "true"));

    private final Server server;
    private final ScheduledExecutorService rescuer;
    private final Map<WebSocket, ByteBuffer> stuckLastTick = new HashMap<>();
    private final AtomicLong rescued = new AtomicLong();

    private JavaWebSocketEchoServer(Server server, String host, String scheme) {
        super(host, server.getPort(), scheme);
        this.server = server;
        if (RESCUE) {
            rescuer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "java-websocket-lost-write-rescue");
                t.setDaemon(true);
                return t;
            });
            rescuer.scheduleWithFixedDelay(this::rescueLostWrites, RESCUE_TICK_MS, RESCUE_TICK_MS, TimeUnit.MILLISECONDS);
        } else {
            rescuer = null;
        }
    }

    /** Re-arms WRITE interest on connections whose queued data did not move for a whole tick. */
    private void rescueLostWrites() {
        Map<WebSocket, ByteBuffer> stuckNow = new HashMap<>();
        for (WebSocket connection : server.getConnections()) {
            if (!(connection instanceof WebSocketImpl impl)) {
                continue;
            }
            ByteBuffer head = impl.outQueue.peek();
            SelectionKey key = impl.getSelectionKey();
            if (head == null || key == null || !key.isValid()) {
                continue;
            }
            try {
                if ((key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                    if (stuckLastTick.get(connection) == head) {
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        key.selector().wakeup();
                        rescued.incrementAndGet();
                        ServerInterventions.record();
                    } else {
                        stuckNow.put(connection, head);
                    }
                }
            } catch (CancelledKeyException closing) {
                // connection closed meanwhile
            }
        }
        stuckLastTick.clear();
        stuckLastTick.putAll(stuckNow);
    }

    public static JavaWebSocketEchoServer start(String host, int port, ServerOptions options) throws Exception {
        // The default Draft_6455 with one change: its frame and message limit (Integer.MAX_VALUE by
        // default, and it allocates whatever length a frame header claims) is the suite's limit.
        List<IExtension> extensions = options.deflate()
                ? List.of(new PerMessageDeflateExtension())
                : List.of();
        Draft_6455 draft = new Draft_6455(extensions,
                List.of(new Protocol("")), Settings.MAX_MESSAGE_BYTES);
        Server server = new Server(new InetSocketAddress(host, port), List.of(draft));
        server.setWebSocketFactory(new HandshakeLimit(options.isTls()
                ? new DefaultSSLWebSocketServerFactory(options.tls())
                : new DefaultWebSocketServerFactory()));
        server.setTcpNoDelay(true);
        server.setReuseAddr(true); // a standalone server can be restarted on the same port right after a run
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
        return new JavaWebSocketEchoServer(server, host, options.scheme());
    }

    @Override
    public void close() throws InterruptedException {
        if (rescuer != null) {
            rescuer.shutdownNow();
            rescuer.awaitTermination(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (rescued.get() > 0) {
                System.err.println("Java-WebSocket server on port " + port() + ": re-armed " + rescued.get()
                        + " lost write interest(s); each stalled one echo by " + RESCUE_TICK_MS + "-" + 2 * RESCUE_TICK_MS
                        + " ms (see JavaWebSocketEchoServer)");
            }
        }
        List<WebSocket> open = new ArrayList<>(server.getConnections());
        try {
            server.stop((int) Settings.TIMEOUT.toMillis());
        } catch (ClosedSelectorException | CancelledKeyException raced) {
            // stop() marks the server closed before it sends each connection its close frame; a busy
            // selector thread can see the mark and close the selector first, and the next close
            // frame's write demand then throws. The server is stopping either way.
        }
        // stop() queues a close frame on each connection and ends the selector thread, which can end
        // before it has written them: those sockets then stay open and their clients never learn the
        // server is gone (seen with 15 of 20 busy connections). Close what it left open.
        for (WebSocket connection : open) {
            if (connection instanceof WebSocketImpl impl && impl.getChannel() != null && impl.getChannel().isOpen()) {
                try {
                    impl.getChannel().close();
                } catch (IOException ignored) {
                    // closing is all that is left to do
                }
            }
        }
    }

    /** Largest opening handshake accepted, as Netty's request aggregator in this suite (64 KiB). */
    static final int MAX_HANDSHAKE_BYTES = 64 * 1024;

    /**
     * The library's own factory (plain or TLS), except that connections refuse an opening handshake
     * over {@value #MAX_HANDSHAKE_BYTES} bytes. Java-WebSocket has no such limit: it keeps every
     * byte of an incomplete handshake and re-copies and re-parses all of it on each read, so a
     * client sending megabytes of headers holds the one selector thread (every connection's I/O) for
     * seconds to minutes and grows the heap without bound. After the handshake the check is one
     * state read per decoded buffer.
     */
    private static final class HandshakeLimit implements WebSocketServerFactory {
        private final WebSocketServerFactory library;

        HandshakeLimit(WebSocketServerFactory library) {
            this.library = library;
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
            return new LimitedConnection(adapter, List.of(draft));
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            return new LimitedConnection(adapter, drafts);
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
            return library.wrapChannel(channel, key);
        }

        @Override
        public void close() {
            library.close();
        }
    }

    private static final class LimitedConnection extends WebSocketImpl {
        private long handshakeBytes;

        LimitedConnection(WebSocketListener listener, List<Draft> drafts) {
            super(listener, drafts);
        }

        @Override
        public void decode(ByteBuffer bytes) {
            if (getReadyState() == ReadyState.NOT_YET_CONNECTED) {
                handshakeBytes += bytes.remaining();
                if (handshakeBytes > MAX_HANDSHAKE_BYTES) {
                    bytes.position(bytes.limit());
                    closeConnection(CloseFrame.TOOBIG, "opening handshake over " + MAX_HANDSHAKE_BYTES + " bytes");
                    return;
                }
            }
            super.decode(bytes);
        }
    }

    private static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final ScenarioHub hub = new ScenarioHub();
        volatile Exception startFailure;

        Server(InetSocketAddress address, List<Draft> drafts) {
            super(address, drafts);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String target = handshake.getResourceDescriptor();
            int query = target.indexOf('?');
            if (ScenarioHub.serves(query < 0 ? target : target.substring(0, query))) {
                ScenarioHub.Peer peer = new ScenarioHub.Peer() {
                    @Override
                    public void sendBinary(ByteBuffer data) {
                        conn.send(data);
                    }

                    @Override
                    public void sendText(String text) {
                        conn.send(text);
                    }

                    @Override
                    public void close(int code, String reason) {
                        conn.close(code, reason);
                    }
                };
                conn.setAttachment(hub.open(target, peer));
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            ScenarioHub.Session scenario = conn.getAttachment();
            if (scenario != null) {
                scenario.onClose();
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            ScenarioHub.Session scenario = conn.getAttachment();
            if (scenario != null) {
                scenario.onText(message);
            } else {
                conn.send(message);
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            ScenarioHub.Session scenario = conn.getAttachment();
            if (scenario != null) {
                scenario.onBinary(message);
            } else {
                conn.send(message);
            }
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
