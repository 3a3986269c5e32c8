package dev.wsbench.server;

import dev.wsbench.Settings;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.xnio.Options;
import org.xnio.Pooled;
import org.xnio.XnioWorker;

/**
 * Undertow core with its default worker (I/O threads = max(CPUs, 2), worker threads = 8 per I/O
 * thread) and a {@link AbstractReceiveListener} that buffers whole messages, as Undertow's own
 * WebSocket examples do. Messages are echoed from the I/O thread. Deviations from defaults:
 * TCP_NODELAY set explicitly (Undertow's default is also on); no extension handshake is added, so
 * permessage-deflate is off.
 */
public final class UndertowEchoServer implements EchoServer {
    static {
        dev.wsbench.LibraryLogging.routeJBossLoggingToSlf4j();
    }

    private final Undertow server;
    private final String host;
    private final int port;

    private UndertowEchoServer(Undertow server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    public static UndertowEchoServer start(String host, int port) {
        Undertow server = Undertow.builder()
                .addHttpListener(port, host)
                .setSocketOption(Options.TCP_NODELAY, true)
                .setHandler(Handlers.path().addExactPath(Settings.ECHO_PATH, Handlers.websocket((exchange, channel) -> {
                    channel.getReceiveSetter().set(new EchoListener());
                    channel.resumeReceives();
                })))
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            stop(server);
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        return new UndertowEchoServer(server, host, bound.getPort());
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
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

    private static final class EchoListener extends AbstractReceiveListener {
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
