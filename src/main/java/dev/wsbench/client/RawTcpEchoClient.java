package dev.wsbench.client;

import dev.wsbench.Settings;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.ReceivedMessage;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeoutException;

/**
 * The loopback baseline's client: sends the payload behind a 4-byte length in one write and reads
 * the whole echo back, then copies it to the heap for the check, the same pattern as the reference
 * WebSocket client (one write of header and payload, whole message read, then checked) without
 * framing, masking or a library. A non-blocking {@link SocketChannel} with direct buffers, waiting
 * in a {@link Selector} (the same poll a {@code java.net.Socket} read with a timeout makes), so every
 * wait is bounded by {@link Settings#TIMEOUT}. Only for {@link dev.wsbench.server.RawTcpEchoServer}.
 */
public final class RawTcpEchoClient implements EchoClient {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final ReceivedMessage received = new ReceivedMessage();
    private ByteBuffer send = ByteBuffer.allocateDirect(64 * 1024);
    private ByteBuffer receive = ByteBuffer.allocateDirect(64 * 1024);

    private RawTcpEchoClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
    }

    public static RawTcpEchoClient connect(URI uri) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) Settings.TIMEOUT.toMillis());
            channel.configureBlocking(false);
            return new RawTcpEchoClient(channel);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot connect to " + uri.getHost() + ":" + uri.getPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException {
        byte[] payload = message.bytes();
        int total = 4 + payload.length;
        if (send.capacity() < total) {
            send = ByteBuffer.allocateDirect(total);
            receive = ByteBuffer.allocateDirect(total);
        }
        send.clear();
        send.putInt(payload.length).put(payload).flip();
        while (send.hasRemaining()) {
            if (channel.write(send) == 0) {
                await(SelectionKey.OP_WRITE, "the server stopped reading: no write progress");
            }
        }
        receive.clear().limit(total);
        while (receive.hasRemaining()) {
            int n = channel.read(receive);
            if (n < 0) {
                throw new EOFException("connection closed by peer");
            }
            if (n == 0) {
                await(SelectionKey.OP_READ, "no data");
            }
        }
        int length = receive.getInt(0);
        if (length != payload.length) {
            throw new IOException("raw echo announced " + length + " bytes, sent " + payload.length);
        }
        received.begin(message.type());
        int at = received.reserve(length);
        receive.get(4, received.buffer(), at, length);
        return received;
    }

    private void await(int op, String what) throws IOException, TimeoutException {
        key.interestOps(op);
        int ready = selector.select(Settings.TIMEOUT.toMillis());
        selector.selectedKeys().clear();
        key.interestOps(0);
        if (ready == 0) {
            throw new TimeoutException(what + " within " + Settings.TIMEOUT.toMillis() + " ms");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
