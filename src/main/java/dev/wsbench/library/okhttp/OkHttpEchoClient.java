package dev.wsbench.library.okhttp;

import dev.wsbench.Settings;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.EchoMailbox;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * OkHttp's WebSocket client: one {@code OkHttpClient} per connection (so closing it releases its
 * dispatcher), {@code newWebSocket} with a listener that hands each message to the benchmark
 * thread. {@code send} queues the message for OkHttp's writer thread, as OkHttp applications send.
 *
 * <p>Deviations from defaults: <b>TCP_NODELAY on</b>, through a socket factory (OkHttp leaves it off
 * and has no setting for it: an 8192-byte echo against Netty then took about 43 ms, Nagle holding
 * the frame's last segment until the server's delayed ACK; 23 round trips/s measured). Otherwise
 * OkHttp's settings as shipped (no pings; it offers permessage-deflate, which the suite's servers
 * decline outside {@code CompressionBenchmark}). The connection is opened with the suite's timeout
 * as connect timeout and waited for at most that long;
 * {@code ws://} and {@code wss://} URIs are given to OkHttp as {@code http://} and {@code https://},
 * which is how OkHttp takes them.
 */
public final class OkHttpEchoClient implements EchoClient {
    private final OkHttpClient client;
    private final WebSocket socket;
    private final EchoMailbox mailbox;
    private final Listener listener;

    private OkHttpEchoClient(OkHttpClient client, WebSocket socket, EchoMailbox mailbox, Listener listener) {
        this.client = client;
        this.socket = socket;
        this.mailbox = mailbox;
        this.listener = listener;
    }

    public static OkHttpEchoClient connect(URI uri) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .socketFactory(new NoDelaySocketFactory())
                .build();
        EchoMailbox mailbox = new EchoMailbox();
        Listener listener = new Listener(mailbox);
        WebSocket socket = client.newWebSocket(new Request.Builder().url(uri.toString()).build(), listener);
        try {
            if (!listener.opened.await(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("OkHttp client: no opening handshake with " + uri + " within " + Settings.TIMEOUT.toMillis() + " ms");
            }
            if (listener.openFailure != null) {
                throw new IOException("OkHttp client could not connect to " + uri + ": " + listener.openFailure, listener.openFailure);
            }
            return new OkHttpEchoClient(client, socket, mailbox, listener);
        } catch (Exception e) {
            socket.cancel();
            release(client);
            throw e;
        }
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        awaitQueueRoom(message.bytes().length);
        mailbox.expect();
        boolean queued = message.type() == MessageType.TEXT ? socket.send(message.text()) : socket.send(ByteString.of(message.bytes()));
        if (!queued) {
            throw new IOException("OkHttp client refused to queue a " + message.bytes().length
                    + "-byte message (the connection is closing, or its 16 MiB send queue is full)");
        }
        return mailbox.await();
    }

    @Override
    public void close() throws Exception {
        try {
            socket.close(1000, null);
            if (!listener.closed.await(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                socket.cancel();
            }
        } finally {
            release(client);
        }
    }

    /** OkHttp's limit on bytes queued for sending ({@code RealWebSocket.MAX_QUEUE_SIZE}): over it, {@code send} closes the connection. */
    static final long MAX_QUEUE_BYTES = 16L * 1024 * 1024;

    /**
     * Waits (bounded) until the queue has room for {@code bytes} more: the echo of a large message can
     * arrive before OkHttp's writer has taken the message's bytes off its queue count, and a next
     * 16 MiB message would then be refused and the connection closed. Applications that send large
     * messages check {@code queueSize()} the same way; below the limit this is one call.
     */
    private void awaitQueueRoom(long bytes) throws TimeoutException {
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
        while (socket.queueSize() + bytes > MAX_QUEUE_BYTES && socket.queueSize() > 0) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("OkHttp client: " + socket.queueSize() + " bytes still queued for sending after "
                        + Settings.TIMEOUT.toMillis() + " ms");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
    }

    /** Stops the client's dispatcher threads and closes its pooled connections. */
    private static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** The default socket factory, with TCP_NODELAY set on every socket before it connects. */
    static final class NoDelaySocketFactory extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }
    }

    static final class Listener extends WebSocketListener {
        private final EchoMailbox mailbox;
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        volatile Throwable openFailure;

        Listener(EchoMailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened.countDown();
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            mailbox.deliver(MessageType.BINARY, bytes.asByteBuffer());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            mailbox.deliverString(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            mailbox.fail(new IOException("closed by server: " + code + " " + reason));
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closed.countDown();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (opened.getCount() > 0) {
                openFailure = t;
                opened.countDown();
            }
            mailbox.fail(t);
            closed.countDown();
        }
    }
}
