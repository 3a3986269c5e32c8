package dev.wsbench.library.vertx;

import dev.wsbench.Settings;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.EchoMailbox;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import dev.wsbench.protocol.Protocol;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Vert.x's {@code WebSocketClient} in a {@code Vertx} instance of its own with one event loop (one
 * connection per client), sending with {@code writeBinaryMessage} / {@code writeTextMessage} from
 * the benchmark thread (Vert.x hands the write to the connection's event loop) and receiving whole
 * messages through {@code binaryMessageHandler} / {@code textMessageHandler}.
 *
 * <p>Deviations from defaults: one event-loop thread; max frame size (64 KiB) and message size
 * (256 KiB) raised to {@link Settings#MAX_MESSAGE_BYTES}. A received binary message is copied once,
 * straight into the harness-owned echo buffer.
 */
public final class VertxEchoClient implements EchoClient {
    private final Vertx vertx;
    private final WebSocketBase socket;
    private final EchoMailbox mailbox;

    private VertxEchoClient(Vertx vertx, WebSocketBase socket, EchoMailbox mailbox) {
        this.vertx = vertx;
        this.socket = socket;
        this.mailbox = mailbox;
    }

    public static VertxEchoClient connect(URI uri) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxFrameSize(Settings.MAX_MESSAGE_BYTES)
                    .setMaxMessageSize(Settings.MAX_MESSAGE_BYTES)
                    .setConnectTimeout((int) Settings.TIMEOUT.toMillis()));
            boolean tls = "wss".equals(uri.getScheme());
            String target = Protocol.requestTarget(uri);
            WebSocketConnectOptions connect = new WebSocketConnectOptions()
                    .setHost(uri.getHost())
                    .setPort(uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80)
                    .setURI(target)
                    .setSsl(tls);
            // WebSocketBase: the same method signatures in Vert.x 4.5 and 5.0 (see VertxEchoServer)
            WebSocketBase socket = VertxEchoServer.await(client.connect(connect));
            EchoMailbox mailbox = new EchoMailbox();
            socket.binaryMessageHandler(buffer -> {
                ReceivedMessage message = mailbox.message();
                message.begin(MessageType.BINARY);
                int at = message.reserve(buffer.length()); // may grow the array: take it afterwards
                buffer.getBytes(0, buffer.length(), message.buffer(), at);
                mailbox.complete();
            });
            socket.textMessageHandler(mailbox::deliverString);
            socket.exceptionHandler(mailbox::fail);
            socket.closeHandler(ignored -> mailbox.fail(new IOException("closed by server: " + socket.closeStatusCode() + " " + socket.closeReason())));
            return new VertxEchoClient(vertx, socket, mailbox);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        mailbox.expect();
        if (message.type() == MessageType.TEXT) {
            socket.writeTextMessage(message.text()).onFailure(mailbox::fail);
        } else {
            socket.writeBinaryMessage(Buffer.buffer(message.bytes())).onFailure(mailbox::fail);
        }
        return mailbox.await();
    }

    /** Closes the connection and stops the client's {@code Vertx} and its threads. */
    @Override
    public void close() throws Exception {
        try {
            VertxEchoServer.await(socket.close());
        } finally {
            VertxEchoServer.await(vertx.close());
        }
    }
}
