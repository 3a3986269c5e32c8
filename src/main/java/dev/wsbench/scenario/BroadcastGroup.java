package dev.wsbench.scenario;

import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import dev.wsbench.protocol.Protocol;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Broadcast fan-out: one sender and N receivers, all reference clients on the server's
 * {@value Protocol#BROADCAST_PATH} endpoint. One operation sends a binary message whose first 8
 * bytes are a sequence number and reads it on every receiver, in turn, on the calling thread; it
 * ends when the last receiver has the message in full. Every copy is checked (length, sequence
 * number, content), so a lost, duplicated or reordered delivery fails the run: the delivery count
 * is exact.
 *
 * <p>Receivers are read one after the other: while the client reads receiver k, the server is
 * still writing to later ones. The client's reading is part of the time (about one read call per
 * receiver), the same for every server.
 */
public final class BroadcastGroup implements AutoCloseable {
    static final int SEQUENCE_BYTES = 8;

    private final ReferenceEchoClient sender;
    private final List<ReferenceEchoClient> receivers = new ArrayList<>();
    private final byte[] payload;
    private final String context;
    private long sequence;
    private long delivered;

    public BroadcastGroup(URI server, int receiverCount, int size, String context) {
        if (size < SEQUENCE_BYTES) {
            throw new IllegalArgumentException(context + ": broadcast messages need at least " + SEQUENCE_BYTES + " bytes");
        }
        this.payload = Message.of(MessageType.BINARY, size).bytes().clone();
        this.context = context;
        ReferenceEchoClient first = null;
        try {
            for (int i = 0; i < receiverCount; i++) {
                receivers.add(ReferenceEchoClient.connect(Protocol.endpoint(server, Protocol.BROADCAST_PATH)));
            }
            first = ReferenceEchoClient.connect(Protocol.endpoint(server, Protocol.BROADCAST_PATH));
            awaitMembers(first, receiverCount + 1);
        } catch (Exception e) {
            RelayPair.closeQuietly(first);
            receivers.forEach(RelayPair::closeQuietly);
            throw ScenarioFailedException.of(context + ": cannot set up " + receiverCount + " receivers at "
                    + Protocol.endpoint(server, Protocol.BROADCAST_PATH) + " (" + receivers.size() + " connected)", e);
        }
        this.sender = first;
    }

    /** Asks the server for the group size until every connection has joined (bounded). */
    private void awaitMembers(ReferenceEchoClient asker, int expected) throws Exception {
        byte[] query = Protocol.MEMBERS_QUERY.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
        String answer;
        do {
            asker.send(MessageType.TEXT, query, query.length);
            answer = asker.receive().asText();
            if (answer.equals("members " + expected)) {
                return;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new ScenarioFailedException(context + ": server reports '" + answer + "' after " + Settings.TIMEOUT.toMillis()
                + " ms, expected " + expected + " members");
    }

    /** Sends one message and waits until every receiver has it; returns the number of deliveries. */
    public int broadcast() {
        long seq = ++sequence;
        ByteBuffer.wrap(payload).putLong(0, seq);
        try {
            sender.send(MessageType.BINARY, payload, payload.length);
            for (int r = 0; r < receivers.size(); r++) {
                ReceivedMessage m = receivers.get(r).receive();
                check(m, r, seq);
            }
        } catch (Exception e) {
            throw ScenarioFailedException.of(context + " (message " + seq + ")", e);
        }
        delivered += receivers.size();
        return receivers.size();
    }

    private void check(ReceivedMessage m, int receiver, long seq) {
        if (m.type() != MessageType.BINARY || m.length() != payload.length) {
            throw new ScenarioFailedException(context + ": receiver " + receiver + " got a " + m.type() + " message of " + m.length()
                    + " bytes, expected BINARY of " + payload.length);
        }
        long got = ByteBuffer.wrap(m.buffer()).getLong(0);
        if (got != seq) {
            throw new ScenarioFailedException(context + ": receiver " + receiver + " got message " + got + ", expected " + seq
                    + " (a delivery was lost, duplicated or reordered)");
        }
        if (!Arrays.equals(payload, SEQUENCE_BYTES, payload.length, m.buffer(), SEQUENCE_BYTES, payload.length)) {
            throw new ScenarioFailedException(context + ": receiver " + receiver + " got message " + seq + " with different content");
        }
    }

    /** Deliveries checked so far. */
    public long delivered() {
        return delivered;
    }

    @Override
    public void close() {
        RelayPair.closeQuietly(sender);
        receivers.forEach(RelayPair::closeQuietly);
    }
}
