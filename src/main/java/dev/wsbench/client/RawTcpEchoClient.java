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
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeoutException;

/**
 * The loopback baseline's client: sends the payload behind a 4-byte length in one write and reads
 * the whole echo back, then copies it to the heap for the check, the same pattern as the reference
 * WebSocket client (one write of header and payload, whole message read, then checked) without
 * framing, masking or a library. A blocking {@link SocketChannel} with direct buffers: each read
 * is one system call that sleeps in the kernel until data comes (a timed {@code Socket} read, as
 * the reference client's, adds a failed read and a poll). A blocking channel has no timeout, so the
 * {@link IoWatchdog} bounds the round trip: it closes the channel when one takes longer than
 * {@link Settings#TIMEOUT}. Only for {@code dev.wsbench.server.RawTcpEchoServer}.
 */
public final class RawTcpEchoClient implements EchoClient, IoWatchdog.Watched {
    private final SocketChannel channel;
    private final ReceivedMessage received = new ReceivedMessage();
    private ByteBuffer send = ByteBuffer.allocateDirect(64 * 1024);
    private ByteBuffer receive = ByteBuffer.allocateDirect(64 * 1024);
    /** Odd while a round trip is in progress (see {@link IoWatchdog}). */
    private volatile long roundTrips;
    private volatile boolean timedOut;

    private RawTcpEchoClient(SocketChannel channel) {
        this.channel = channel;
        IoWatchdog.watch(this);
    }

    public static RawTcpEchoClient connect(URI uri) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) Settings.TIMEOUT.toMillis());
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
        roundTrips++;
        try {
            send.clear();
            send.putInt(payload.length).put(payload).flip();
            while (send.hasRemaining()) {
                channel.write(send);
            }
            receive.clear().limit(total);
            while (receive.hasRemaining()) {
                if (channel.read(receive) < 0) {
                    throw new EOFException("connection closed by peer");
                }
            }
        } catch (ClosedChannelException e) {
            if (timedOut) {
                throw new TimeoutException("no complete echo within " + Settings.TIMEOUT.toMillis() + " ms");
            }
            throw e;
        } finally {
            roundTrips++;
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

    @Override
    public long ioCount() {
        return roundTrips;
    }

    @Override
    public void abortStuckIo() {
        timedOut = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is how the blocked read or write is ended
        }
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        IoWatchdog.forget(this);
        channel.close();
    }
}
