package dev.wsbench.library.jetty;

import dev.wsbench.Settings;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.EchoMailbox;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Jetty 12's {@code WebSocketClient} with a {@link Session.Listener.AutoDemanding} endpoint.
 * Deviations from defaults: message and frame size limits raised to {@link Settings#MAX_MESSAGE_BYTES}
 * (so Jetty no longer splits outgoing messages into 64 KiB frames), idle timeout off.
 */
public final class JettyEchoClient implements EchoClient {
    private final WebSocketClient client;
    private final Session session;
    private final EchoMailbox mailbox;
    private final Callback sendCallback;

    private JettyEchoClient(WebSocketClient client, Session session, EchoMailbox mailbox) {
        this.client = client;
        this.session = session;
        this.mailbox = mailbox;
        this.sendCallback = Callback.from(() -> { }, mailbox::fail);
    }

    public static JettyEchoClient connect(URI uri) throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.setMaxBinaryMessageSize(Settings.MAX_MESSAGE_BYTES);
        client.setMaxTextMessageSize(Settings.MAX_MESSAGE_BYTES);
        client.setMaxFrameSize(Settings.MAX_MESSAGE_BYTES);
        client.setIdleTimeout(Duration.ZERO);
        EchoMailbox mailbox = new EchoMailbox();
        try {
            client.start();
            Session session = client.connect(new Endpoint(mailbox), uri).get(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new JettyEchoClient(client, session, mailbox);
        } catch (Exception e) {
            client.stop();
            throw e;
        }
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        mailbox.expect();
        if (message.type() == MessageType.TEXT) {
            session.sendText(message.text(), sendCallback);
        } else {
            session.sendBinary(ByteBuffer.wrap(message.bytes()), sendCallback);
        }
        return mailbox.await();
    }

    @Override
    public void close() throws Exception {
        try {
            session.close();
        } finally {
            client.stop();
        }
    }

    /** Jetty requires endpoint classes to be public. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final EchoMailbox mailbox;

        Endpoint(EchoMailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            mailbox.deliver(MessageType.BINARY, payload);
            callback.succeed();
        }

        @Override
        public void onWebSocketText(String text) {
            mailbox.deliverString(text);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            mailbox.fail(cause);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            mailbox.fail(new IOException("closed by server: " + statusCode + " " + reason));
        }
    }
}
