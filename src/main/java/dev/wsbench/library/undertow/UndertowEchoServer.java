package dev.wsbench.library.undertow;

import dev.wsbench.LibraryLogging;
import dev.wsbench.Settings;
import dev.wsbench.protocol.Protocol;
import dev.wsbench.server.BoundServer;
import dev.wsbench.server.ScenarioHub;
import dev.wsbench.server.ServerOptions;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xnio.Options;
import org.xnio.Pooled;
import org.xnio.XnioWorker;

/**
 * Undertow core with its default worker (I/O threads = max(CPUs, 2), worker threads = 8 per I/O
 * thread) and a {@link AbstractReceiveListener} that buffers whole messages, as Undertow's own
 * WebSocket examples do. Messages are echoed from the I/O thread. Deviations from defaults:
 * message limit {@link Settings#MAX_MESSAGE_BYTES} for binary and text (default unlimited);
 * TCP_NODELAY set explicitly (Undertow's default is also on); no extension handshake is added, so
 * permessage-deflate is off unless {@link ServerOptions#deflate()} adds Undertow's
 * {@code PerMessageDeflateHandshake} (its defaults). TLS through {@code addHttpsListener}.
 */
public final class UndertowEchoServer extends BoundServer {
    static {
        LibraryLogging.routeJBossLoggingToSlf4j();
    }

    private final Undertow server;

    private UndertowEchoServer(Undertow server, String host, int port, String scheme) {
        super(host, port, scheme);
        this.server = server;
    }

    public static UndertowEchoServer start(String host, int port, ServerOptions options) {
        ScenarioHub hub = new ScenarioHub();
        WebSocketProtocolHandshakeHandler echo = Handlers.websocket((exchange, channel) -> {
            channel.getReceiveSetter().set(new EchoListener());
            channel.resumeReceives();
        });
        if (options.deflate()) {
            echo.addExtension(new PerMessageDeflateHandshake());
        }
        PathHandler paths = Handlers.path().addExactPath(Protocol.ECHO_PATH, echo);
        for (String path : List.of(Protocol.RELAY_PATH, Protocol.PUSH_PATH, Protocol.BROADCAST_PATH)) {
            paths.addExactPath(path, Handlers.websocket((exchange, channel) -> {
                String query = exchange.getQueryString();
                ScenarioListener listener = new ScenarioListener(channel);
                listener.scenario = hub.open(Protocol.requestTarget(path, query), listener);
                channel.getReceiveSetter().set(listener);
                channel.resumeReceives();
            }));
        }
        Undertow.Builder builder = Undertow.builder();
        if (options.isTls()) {
            builder.addHttpsListener(port, host, options.tls());
        } else {
            builder.addHttpListener(port, host);
        }
        Undertow server = builder
                .setSocketOption(Options.TCP_NODELAY, true)
                .setHandler(paths)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            stop(server);
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        return new UndertowEchoServer(server, host, bound.getPort(), options.scheme());
    }

    @Override
    public void close() {
        stop(server);
    }

    /** {@code Undertow.stop()} shuts the worker down without waiting; wait so no thread outlives close. */
    private static void stop(Undertow server) {
        XnioWorker worker = server.getWorker();
        server.stop();
        if (worker != null) {
            try {
                worker.awaitTermination(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Undertow's buffering receive listener with the suite's message limit instead of none. */
    private abstract static class LimitedReceiveListener extends AbstractReceiveListener {
        @Override
        protected long getMaxBinaryBufferSize() {
            return Settings.MAX_MESSAGE_BYTES;
        }

        @Override
        protected long getMaxTextBufferSize() {
            return Settings.MAX_MESSAGE_BYTES;
        }
    }

    /** The field scenarios: {@link ScenarioHub} logic, Undertow's {@link WebSockets} for sending. */
    private static final class ScenarioListener extends LimitedReceiveListener implements ScenarioHub.Peer {
        private final WebSocketChannel channel;
        ScenarioHub.Session scenario;

        ScenarioListener(WebSocketChannel channel) {
            this.channel = channel;
            channel.addCloseTask(closed -> scenario.onClose());
        }

        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            scenario.onText(message.getData());
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            Pooled<ByteBuffer[]> data = message.getData();
            try {
                ByteBuffer[] buffers = data.getResource();
                if (buffers.length == 1) {
                    scenario.onBinary(buffers[0]); // the hub copies what it keeps
                } else {
                    scenario.onBinary(WebSockets.mergeBuffers(buffers));
                }
            } finally {
                data.free();
            }
        }

        @Override
        public void sendBinary(ByteBuffer data) {
            WebSockets.sendBinary(data, channel, null);
        }

        @Override
        public void sendText(String text) {
            WebSockets.sendText(text, channel, null);
        }

        @Override
        public void close(int code, String reason) {
            WebSockets.sendClose(code, reason, channel, null);
        }
    }

    private static final class EchoListener extends LimitedReceiveListener {
        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            WebSockets.sendText(message.getData(), channel, null);
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            Pooled<ByteBuffer[]> data = message.getData();
            WebSockets.sendBinary(data.getResource(), channel, new WebSocketCallback<Void>() {
                @Override
                public void complete(WebSocketChannel channel, Void context) {
                    data.free();
                }

                @Override
                public void onError(WebSocketChannel channel, Void context, Throwable throwable) {
                    data.free();
                }
            });
        }
    }
}
