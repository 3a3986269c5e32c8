package dev.wsbench.scenario;

import dev.wsbench.protocol.PushMessages;
import dev.wsbench.protocol.Protocol;
import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Server push: one reference client asks the server's {@value Protocol#PUSH_PATH} endpoint for a
 * batch of messages ({@code "push COUNT SIZE"}) and reads them all. Each message is checked
 * (length, sequence number, content after the header) and its one-way latency, from the server's
 * hand-over to its library to the client's complete read, is recorded.
 */
public final class PushStream implements AutoCloseable {
    private final ReferenceEchoClient client;
    private final PushMessages messages;
    private final byte[] request;
    private final int count;
    private final String context;
    private final LatencyLog latency;

    public PushStream(URI server, int count, int size, LatencyLog latency, String context) {
        this.messages = PushMessages.forSize(size);
        this.count = count;
        this.request = new PushMessages.Request(count, size).text().getBytes(StandardCharsets.UTF_8);
        this.context = context;
        this.latency = latency;
        try {
            client = ReferenceEchoClient.connect(Protocol.endpoint(server, Protocol.PUSH_PATH));
        } catch (Exception e) {
            throw ScenarioFailedException.of(context + ": cannot connect to " + Protocol.endpoint(server, Protocol.PUSH_PATH), e);
        }
    }

    /** Requests one batch and reads it; returns the number of bytes received. */
    public long batch() {
        long bytes = 0;
        try {
            client.send(MessageType.TEXT, request, request.length);
            for (int i = 0; i < count; i++) {
                ReceivedMessage m = client.receive();
                long arrived = System.nanoTime();
                if (m.type() != MessageType.BINARY) {
                    throw new ScenarioFailedException(context + ": pushed message " + i + " arrived as " + m.type() + ", expected BINARY");
                }
                long sent = messages.check(m.buffer(), m.length(), i, context);
                latency.record(arrived - sent);
                bytes += m.length();
            }
        } catch (IllegalStateException e) {
            throw new ScenarioFailedException(e.getMessage(), e);
        } catch (Exception e) {
            throw ScenarioFailedException.of(context + " (waiting for pushed messages)", e);
        }
        return bytes;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
