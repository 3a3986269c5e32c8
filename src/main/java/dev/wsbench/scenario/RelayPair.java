package dev.wsbench.scenario;

import dev.wsbench.protocol.Protocol;
import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.ReceivedMessage;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relay ping-pong: two reference clients joined as one pair on the server's
 * {@value Protocol#RELAY_PATH} endpoint. One round trip is A sends, the server forwards to B, B
 * sends what it got back, the server forwards to A; both arrivals are checked byte for byte,
 * including the message's sequence stamp.
 * Driven by one thread (the blocking clients need no I/O threads), so the server does two
 * forwards per round trip while the client side adds no thread wake-ups of its own.
 */
public final class RelayPair implements AutoCloseable {
    private static final AtomicLong PAIR_IDS = new AtomicLong();

    private final ReferenceEchoClient a;
    private final ReferenceEchoClient b;
    private final Message message;
    private final String context;

    public RelayPair(URI server, Message message, String context) {
        this.message = message;
        this.context = context;
        String path = Protocol.RELAY_PATH + "?" + Protocol.PAIR_QUERY + "=" + ProcessHandle.current().pid() + "-" + PAIR_IDS.incrementAndGet();
        ReferenceEchoClient first = null;
        try {
            first = ReferenceEchoClient.connect(Protocol.endpoint(server, path));
            this.b = ReferenceEchoClient.connect(Protocol.endpoint(server, path));
        } catch (Exception e) {
            closeQuietly(first);
            throw ScenarioFailedException.of(context + ": cannot open the relay pair at " + Protocol.endpoint(server, path), e);
        }
        this.a = first;
    }

    /** One relayed round trip; returns the bytes received by A. */
    public int roundTrip() {
        try {
            message.next(); // a fresh sequence stamp: a stale or repeated forward fails the check
            byte[] bytes = message.bytes();
            a.send(message.type(), bytes, bytes.length);
            ReceivedMessage atB = b.receive();
            message.verify(atB, context + " (A to B)");
            b.send(atB.type(), atB.buffer(), atB.length());
            ReceivedMessage atA = a.receive();
            message.verify(atA, context + " (B back to A)");
            return atA.length();
        } catch (Exception e) {
            throw ScenarioFailedException.of(context, e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            a.close();
        } finally {
            b.close();
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already failing
            }
        }
    }
}
