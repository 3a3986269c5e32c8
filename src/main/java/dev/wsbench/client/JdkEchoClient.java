package dev.wsbench.client;

import dev.wsbench.Settings;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * The JDK's {@code java.net.http.WebSocket}. It delivers messages in parts (the {@code last} flag);
 * parts are accumulated and one more is requested after each. The HTTP client gets an executor of
 * its own so that closing the client stops its threads.
 */
public final class JdkEchoClient implements EchoClient {
    private final ExecutorService executor;
    private final HttpClient http;
    private final WebSocket socket;
    private final Listener listener;
    private CompletableFuture<WebSocket> lastSend;

    private JdkEchoClient(ExecutorService executor, HttpClient http, WebSocket socket, Listener listener) {
        this.executor = executor;
        this.http = http;
        this.socket = socket;
        this.listener = listener;
    }

    public static JdkEchoClient connect(URI uri) throws IOException, TimeoutException, InterruptedException {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jdk-websocket-client");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Settings.TIMEOUT).build();
        Listener listener = new Listener();
        try {
            WebSocket socket = http.newWebSocketBuilder()
                    .connectTimeout(Settings.TIMEOUT)
                    .buildAsync(uri, listener)
                    .get(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new JdkEchoClient(executor, http, socket, listener);
        } catch (ExecutionException e) {
            shutdown(executor, http);
            throw new IOException("JDK client could not connect to " + uri + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            shutdown(executor, http);
            throw e;
        }
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        // java.net.http.WebSocket allows one outstanding send: its future can complete after the echo
        // has already arrived, so wait for it (bounded) before the next send.
        if (lastSend != null && !lastSend.isDone()) {
            try {
                lastSend.get(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IOException("JDK client: previous send failed: " + e.getCause(), e.getCause());
            }
        }
        listener.mailbox.expect();
        lastSend = message.type() == MessageType.TEXT
                ? socket.sendText(message.text(), true)
                : socket.sendBinary(ByteBuffer.wrap(message.bytes()), true);
        lastSend.whenComplete(listener.onSendFailure);
        return listener.mailbox.await();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            socket.abort();
        } finally {
            shutdown(executor, http);
        }
    }

    private static void shutdown(ExecutorService executor, HttpClient http) {
        // HttpClient is AutoCloseable from JDK 21 on; on 17 its selector thread ends when it is unreachable.
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort; the executor below is what owns the threads
            }
        }
        executor.shutdownNow();
    }

    private static final class Listener implements WebSocket.Listener {
        final EchoMailbox mailbox = new EchoMailbox();
        /** One instance for every send, so the round trip allocates no callback of its own. */
        final BiConsumer<WebSocket, Throwable> onSendFailure = (ws, error) -> {
            if (error != null) {
                mailbox.fail(error);
            }
        };
        private final StringBuilder text = new StringBuilder();
        private boolean inMessage;

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            ReceivedMessage received = mailbox.message();
            if (!inMessage) {
                received.begin(MessageType.BINARY);
                inMessage = true;
            }
            received.append(data);
            if (last) {
                inMessage = false;
                mailbox.complete();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                mailbox.deliverString(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            mailbox.fail(new IOException("closed by server: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            mailbox.fail(error);
        }
    }
}
