package dev.wsbench.library.vertx;

import dev.wsbench.Settings;
import dev.wsbench.protocol.Protocol;
import dev.wsbench.server.BoundServer;
import dev.wsbench.server.ScenarioHub;
import dev.wsbench.server.ServerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.net.KeyCertOptions;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x's {@code HttpServer} (on Netty) in a {@code Vertx} instance of its own with default options
 * (event loops: 2 x CPUs; the server's connections are spread over them). Requests are upgraded with
 * {@code HttpServerRequest.toWebSocket()} by path; the echo writes each whole message back with
 * {@code writeBinaryMessage} / {@code writeTextMessage} from the {@code binaryMessageHandler} /
 * {@code textMessageHandler} that received it (Vert.x aggregates fragments).
 *
 * <p>Deviations from defaults: max WebSocket frame size (64 KiB) and message size (256 KiB) raised
 * to {@link Settings#MAX_MESSAGE_BYTES}; per-message and per-frame deflate off (Vert.x supports
 * both by default) unless {@link ServerOptions#deflate()}. TLS from the suite's key managers
 * ({@code KeyCertOptions.wrap}), with Vert.x's default JDK SSL engine. TCP_NODELAY is Vert.x's default.
 */
public final class VertxEchoServer extends BoundServer {
    private final Vertx vertx;

    private VertxEchoServer(Vertx vertx, String host, int port, String scheme) {
        super(host, port, scheme);
        this.vertx = vertx;
    }

    public static VertxEchoServer start(String host, int port, ServerOptions options) throws Exception {
        HttpServerOptions http = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setMaxWebSocketFrameSize(Settings.MAX_MESSAGE_BYTES)
                .setMaxWebSocketMessageSize(Settings.MAX_MESSAGE_BYTES)
                .setPerMessageWebSocketCompressionSupported(options.deflate())
                .setPerFrameWebSocketCompressionSupported(options.deflate());
        if (options.isTls()) {
            if (options.tlsKeys() == null) {
                throw new IllegalArgumentException("Vert.x builds its TLS context from key managers: ServerOptions.tlsKeys is missing");
            }
            http.setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(options.tlsKeys()));
        }
        Vertx vertx = Vertx.vertx();
        ScenarioHub hub = new ScenarioHub();
        HttpServer server = vertx.createHttpServer(http).requestHandler(request -> {
            String path = request.path();
            if (path.equals(Protocol.ECHO_PATH)) {
                request.toWebSocket().onSuccess(VertxEchoServer::echo);
            } else if (ScenarioHub.serves(path)) {
                String query = request.query();
                request.toWebSocket().onSuccess(ws -> scenario(hub, Protocol.requestTarget(path, query), ws));
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        try {
            await(server.listen());
        } catch (Exception e) {
            await(vertx.close());
            throw e;
        }
        return new VertxEchoServer(vertx, host, server.actualPort(), options.scheme());
    }

    // Handlers are set through WebSocketBase: its methods have the same signatures in Vert.x 4.5 and
    // 5.0, while ServerWebSocket's covariant overrides differ (a class compiled against one line would
    // fail with NoSuchMethodError on the other).
    private static void echo(WebSocketBase ws) {
        ws.binaryMessageHandler(ws::writeBinaryMessage);
        ws.textMessageHandler(ws::writeTextMessage);
    }

    private static void scenario(ScenarioHub hub, String requestTarget, WebSocketBase ws) {
        ScenarioHub.Session session = hub.open(requestTarget, new ScenarioHub.Peer() {
            @Override
            public void sendBinary(ByteBuffer data) {
                ByteBuffer copy = data.duplicate();
                byte[] bytes = new byte[copy.remaining()];
                copy.get(bytes);
                ws.writeBinaryMessage(Buffer.buffer(bytes));
            }

            @Override
            public void sendText(String text) {
                ws.writeTextMessage(text);
            }

            @Override
            public void close(int code, String reason) {
                ws.close((short) code, reason);
            }
        });
        ws.binaryMessageHandler(buffer -> session.onBinary(ByteBuffer.wrap(buffer.getBytes())));
        ws.textMessageHandler(session::onText);
        ws.closeHandler(ignored -> session.onClose());
    }

    /** Waits for a Vert.x future at most {@link Settings#TIMEOUT}; its failure or the timeout is thrown. */
    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the server and every thread of its {@code Vertx} (event loops, acceptor, blocked-thread checker). */
    @Override
    public void close() throws Exception {
        await(vertx.close());
    }
}
