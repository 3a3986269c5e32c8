package dev.wsbench.library.undertow;

import dev.wsbench.LibraryLogging;
import dev.wsbench.Settings;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.EchoMailbox;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.client.WebSocketClient;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Pooled;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * Undertow's {@code WebSocketClient} on its own XNIO worker (one I/O thread), with an
 * {@link AbstractReceiveListener} that buffers whole messages.
 *
 * <p>Sends with {@code WebSockets.sendBinary/sendText} and a callback (not the blocking variants,
 * whose wait could not be bounded); the echo wait is bounded by the timeout.
 *
 * <p>Undertow masks the caller's buffer in place when it sends, so each send first copies the
 * message into a buffer owned by this client (one memory copy per send, counted as client cost).
 */
public final class UndertowEchoClient implements EchoClient {
    static {
        LibraryLogging.routeJBossLoggingToSlf4j();
    }

    private final XnioWorker worker;
    private final WebSocketChannel channel;
    private final EchoMailbox mailbox;
    /** Fails the round trip waiting in the mailbox when a send fails. */
    private final WebSocketCallback<Void> sendFailure;
    private byte[] sendCopy = new byte[0];

    private UndertowEchoClient(XnioWorker worker, WebSocketChannel channel, EchoMailbox mailbox) {
        this.worker = worker;
        this.channel = channel;
        this.mailbox = mailbox;
        this.sendFailure = new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel ch, Void context) {
            }

            @Override
            public void onError(WebSocketChannel ch, Void context, Throwable failure) {
                mailbox.fail(new IOException("Undertow client: send failed: " + failure, failure));
            }
        };
    }

    public static UndertowEchoClient connect(URI uri) throws IOException, TimeoutException {
        XnioWorker worker = Xnio.getInstance(WebSocketClient.class.getClassLoader()).createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, 1)
                .set(Options.WORKER_TASK_CORE_THREADS, 1)
                .set(Options.WORKER_TASK_MAX_THREADS, 1)
                .set(Options.TCP_NODELAY, true)
                .getMap());
        try {
            IoFuture<WebSocketChannel> future = WebSocketClient
                    .connectionBuilder(worker, new DefaultByteBufferPool(true, 16 * 1024), uri)
                    .setOptionMap(OptionMap.create(Options.TCP_NODELAY, true))
                    .connect();
            if (future.await(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) != IoFuture.Status.DONE) {
                future.cancel();
                if (future.getStatus() == IoFuture.Status.FAILED) {
                    throw future.getException();
                }
                throw new TimeoutException("Undertow client: no handshake with " + uri + " within " + Settings.TIMEOUT.toMillis() + " ms");
            }
            WebSocketChannel channel = future.get();
            EchoMailbox mailbox = new EchoMailbox();
            channel.getReceiveSetter().set(new Receiver(mailbox));
            channel.resumeReceives();
            return new UndertowEchoClient(worker, channel, mailbox);
        } catch (IOException | TimeoutException | RuntimeException e) {
            stop(worker);
            throw e;
        }
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        byte[] bytes = message.bytes();
        if (sendCopy.length != bytes.length) {
            sendCopy = new byte[bytes.length];
        }
        System.arraycopy(bytes, 0, sendCopy, 0, bytes.length);
        mailbox.expect();
        // Undertow's asynchronous send (it writes on this thread and finishes on the I/O thread only
        // when the socket pushes back): a blocking send could not be bounded. The echo's arrival
        // proves the send finished, so the buffer is free again before the next round trip.
        if (message.type() == MessageType.TEXT) {
            WebSockets.sendText(ByteBuffer.wrap(sendCopy), channel, sendFailure);
        } else {
            WebSockets.sendBinary(ByteBuffer.wrap(sendCopy), channel, sendFailure);
        }
        return mailbox.await();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            channel.sendClose();
            channel.close();
        } finally {
            stop(worker);
        }
    }

    private static void stop(XnioWorker worker) {
        worker.shutdownNow();
        try {
            worker.awaitTermination(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Receiver extends AbstractReceiveListener {
        private final EchoMailbox mailbox;

        Receiver(EchoMailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            deliver(MessageType.BINARY, message.getData());
        }

        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            mailbox.deliverString(message.getData());
        }

        private void deliver(MessageType type, Pooled<ByteBuffer[]> data) {
            try {
                ReceivedMessage received = mailbox.message();
                received.begin(type);
                for (ByteBuffer part : data.getResource()) {
                    received.append(part);
                }
                mailbox.complete();
            } finally {
                data.free();
            }
        }

        @Override
        protected void onError(WebSocketChannel channel, Throwable error) {
            mailbox.fail(error);
            super.onError(channel, error);
        }

        @Override
        protected void onCloseMessage(CloseMessage cm, WebSocketChannel channel) {
            mailbox.fail(new IOException("closed by server: " + cm.getCode() + " " + cm.getReason()));
        }
    }
}
