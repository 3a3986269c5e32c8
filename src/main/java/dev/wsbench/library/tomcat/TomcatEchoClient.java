package dev.wsbench.library.tomcat;

import dev.wsbench.Settings;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.EchoMailbox;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.TimeoutException;
import org.apache.tomcat.websocket.WsWebSocketContainer;

/**
 * Tomcat's Jakarta WebSocket client ({@code WsWebSocketContainer}, one per connection, so closing it
 * releases its threads), sending with the session's basic (blocking) remote.
 *
 * <p>Deviations from defaults: <b>TCP_NODELAY on</b>, set on the connection's channel after the
 * handshake through reflection (Tomcat's client has no setting for it and leaves it off: an
 * 8192-byte echo against Netty then took about 43 ms, Nagle holding the frame's last segment until
 * the server's delayed ACK; 23 round trips/s measured); partial-message handlers append each part to the harness-owned
 * echo buffer (Tomcat's whole-message handlers would need an 8 KiB-default buffer raised to the
 * largest message, reserved when the session opens); a blocking send waits at most
 * {@link Settings#TIMEOUT} (Tomcat: 20 s); a message over {@value #LARGE_SEND_BYTES} bytes is sent
 * from a thread with a {@value #LARGE_SEND_STACK_MIB} MiB stack: Tomcat's client writes one 8 KiB
 * output buffer per nested call ({@code WsRemoteEndpointImplClient.doWrite} calls
 * {@code OutputBufferSendHandler.onResult}, which writes the next), 2 048 levels deep for 16 MiB,
 * which overflowed a thread's default stack here. Every benchmark size is far below that.
 */
public final class TomcatEchoClient implements EchoClient {
    static final int LARGE_SEND_BYTES = 1024 * 1024;
    static final int LARGE_SEND_STACK_MIB = 512;
    private final WsWebSocketContainer container;
    private final Session session;
    private final EchoMailbox mailbox;

    private TomcatEchoClient(WsWebSocketContainer container, Session session, EchoMailbox mailbox) {
        this.container = container;
        this.session = session;
        this.mailbox = mailbox;
    }

    public static TomcatEchoClient connect(URI uri) throws Exception {
        WsWebSocketContainer container = new WsWebSocketContainer();
        EchoMailbox mailbox = new EchoMailbox();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put(TomcatEchoServer.BLOCKING_SEND_TIMEOUT, Settings.TIMEOUT.toMillis());
        try {
            Session session = container.connectToServer(new ClientEndpoint(mailbox), config, uri);
            noDelay(session);
            return new TomcatEchoClient(container, session, mailbox);
        } catch (Exception e) {
            container.destroy();
            throw e;
        }
    }

    /**
     * Sets TCP_NODELAY on the session's socket: {@code WsSession.wsRemoteEndpoint} (a
     * {@code WsRemoteEndpointImplClient}) holds the channel wrapper in {@code channel}, which holds
     * the {@link AsynchronousSocketChannel} (the same fields in Tomcat 10.1 and 11.0).
     *
     * @throws IllegalStateException naming what was not found, rather than measuring with Nagle on
     */
    static void noDelay(Session session) {
        try {
            Object remote = field(session, "wsRemoteEndpoint");
            Object wrapper = field(remote, "channel");
            for (Class<?> c = wrapper.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (AsynchronousSocketChannel.class.isAssignableFrom(f.getType())) {
                        f.setAccessible(true);
                        ((AsynchronousSocketChannel) f.get(wrapper)).setOption(StandardSocketOptions.TCP_NODELAY, true);
                        return;
                    }
                }
            }
            throw new IllegalStateException("no AsynchronousSocketChannel field in " + wrapper.getClass().getName());
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            throw new IllegalStateException("Tomcat client: cannot set TCP_NODELAY on the connection (" + e
                    + "); the suite's Tomcat client adapter needs updating for this Tomcat version", e);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        mailbox.expect();
        if (message.bytes().length > LARGE_SEND_BYTES) {
            sendOnDeepStack(message);
        } else {
            send(message);
        }
        return mailbox.await();
    }

    private void send(Message message) throws IOException {
        if (message.type() == MessageType.TEXT) {
            session.getBasicRemote().sendText(message.text());
        } else {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(message.bytes()));
        }
    }

    private void sendOnDeepStack(Message message) throws IOException, TimeoutException, InterruptedException {
        Throwable[] failure = {null};
        Thread sender = new Thread(null, () -> {
            try {
                send(message);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "tomcat-client-large-send", LARGE_SEND_STACK_MIB * 1024L * 1024L);
        sender.start();
        sender.join(Settings.TIMEOUT.toMillis());
        if (sender.isAlive()) {
            sender.interrupt();
            throw new TimeoutException("Tomcat client: sending " + message.bytes().length + " bytes took over " + Settings.TIMEOUT.toMillis() + " ms");
        }
        if (failure[0] instanceof IOException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IOException("Tomcat client: send failed: " + failure[0], failure[0]);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            session.close();
        } finally {
            container.destroy();
        }
    }

    /** Parts go straight into the mailbox's buffer; the last one completes the echo. */
    static final class ClientEndpoint extends Endpoint {
        private final EchoMailbox mailbox;
        private final StringBuilder text = new StringBuilder();
        private boolean inBinary;

        ClientEndpoint(EchoMailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) -> {
                if (!inBinary) {
                    mailbox.message().begin(MessageType.BINARY);
                    inBinary = true;
                }
                mailbox.message().append(part);
                if (last) {
                    inBinary = false;
                    mailbox.complete();
                }
            });
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
                if (last && text.isEmpty()) {
                    mailbox.deliverString(part);
                } else {
                    text.append(part);
                    if (last) {
                        String whole = text.toString();
                        text.setLength(0);
                        mailbox.deliverString(whole);
                    }
                }
            });
        }

        @Override
        public void onError(Session session, Throwable cause) {
            mailbox.fail(cause);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            mailbox.fail(new IOException("closed by server: " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase()));
        }
    }
}
