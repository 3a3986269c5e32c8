package dev.wsbench.client;

import dev.wsbench.payload.Message;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * The loopback baseline's client: writes the payload bytes and reads the same number back, with
 * the reference client's socket code and no WebSocket framing. Only for {@link
 * dev.wsbench.server.RawTcpEchoServer}.
 */
public final class RawTcpEchoClient implements EchoClient {
    private final BlockingSocket socket;
    private final ReceivedMessage received = new ReceivedMessage();

    private RawTcpEchoClient(BlockingSocket socket) {
        this.socket = socket;
    }

    public static RawTcpEchoClient connect(URI uri) throws IOException {
        return new RawTcpEchoClient(BlockingSocket.connect(uri));
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException {
        byte[] payload = message.bytes();
        socket.write(payload, 0, payload.length);
        received.begin(message.type());
        int at = received.reserve(payload.length);
        socket.readFully(received.buffer(), at, payload.length);
        return received;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
