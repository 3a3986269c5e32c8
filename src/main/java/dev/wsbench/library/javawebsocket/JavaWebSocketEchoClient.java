package dev.wsbench.library.javawebsocket;

import dev.wsbench.Settings;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.EchoMailbox;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Java-WebSocket's {@code WebSocketClient} (one read thread and one write thread per connection,
 * as shipped). Deviations from defaults: TCP_NODELAY on (the library's default is off) and the
 * lost-connection checker off (it would send pings in the middle of a measurement).
 */
public final class JavaWebSocketEchoClient implements EchoClient {
    private final Client client;

    private JavaWebSocketEchoClient(Client client) {
        this.client = client;
    }

    public static JavaWebSocketEchoClient connect(URI uri) throws InterruptedException, IOException, TimeoutException {
        Client client = new Client(uri);
        client.setTcpNoDelay(true);
        client.setConnectionLostTimeout(0);
        if (!client.connectBlocking(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            Throwable cause = client.error;
            closeBounded(client);
            if (cause != null) {
                throw new IOException("Java-WebSocket client could not connect to " + uri + ": " + cause, cause);
            }
            throw new TimeoutException("Java-WebSocket client: no handshake with " + uri + " within " + Settings.TIMEOUT.toMillis() + " ms");
        }
        return new JavaWebSocketEchoClient(client);
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        client.mailbox.expect();
        if (message.type() == MessageType.TEXT) {
            client.send(message.text());
        } else {
            client.send(message.bytes());
        }
        return client.mailbox.await();
    }

    @Override
    public void close() throws InterruptedException, TimeoutException {
        closeBounded(client);
    }

    /**
     * {@code closeBlocking()} waits without a limit for the closing handshake; this starts the same
     * close and waits at most {@link Settings#TIMEOUT} for the connection to be closed.
     */
    private static void closeBounded(Client client) throws InterruptedException, TimeoutException {
        client.close();
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
        while (!client.isClosed() && client.getReadyState() != ReadyState.NOT_YET_CONNECTED) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Java-WebSocket client: connection not closed within " + Settings.TIMEOUT.toMillis() + " ms of close()");
            }
            Thread.sleep(1);
        }
    }

    private static final class Client extends WebSocketClient {
        final EchoMailbox mailbox = new EchoMailbox();
        volatile Throwable error;

        Client(URI uri) {
            super(uri);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            mailbox.deliverString(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            mailbox.deliver(MessageType.BINARY, bytes);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            mailbox.fail(new IOException("connection closed: " + code + " " + reason));
        }

        @Override
        public void onError(Exception ex) {
            error = ex;
            mailbox.fail(ex);
        }
    }
}
