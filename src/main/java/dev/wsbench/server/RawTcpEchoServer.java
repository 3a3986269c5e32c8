package dev.wsbench.server;

import dev.wsbench.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loopback baseline: the cheapest honest echo the JVM allows, with no WebSocket and no HTTP.
 * Like every WebSocket server it receives the whole message before it answers: each message is a
 * 4-byte big-endian length and the payload; the server reads the whole of it into one direct
 * buffer and writes it back, length included, in one write. NIO channels and direct buffers, so
 * no temporary copy on either side of the kernel; one blocking thread per connection, so a round
 * trip wakes exactly one server thread. Its client is {@code dev.wsbench.client.RawTcpEchoClient}.
 */
public final class RawTcpEchoServer extends BoundServer {
    /** Largest payload accepted, as for the WebSocket servers. */
    static final int MAX_PAYLOAD = Settings.MAX_MESSAGE_BYTES;

    private final ServerSocketChannel listener;
    private final Thread acceptor;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    private RawTcpEchoServer(String host, ServerSocketChannel listener) throws IOException {
        super(host, ((InetSocketAddress) listener.getLocalAddress()).getPort(), "ws");
        this.listener = listener;
        acceptor = new Thread(this::acceptLoop, "raw-tcp-echo-acceptor");
        acceptor.setDaemon(true);
    }

    public static RawTcpEchoServer start(String host, int port) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(host, port), 50);
            RawTcpEchoServer server = new RawTcpEchoServer(host, listener);
            server.acceptor.start();
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            try {
                SocketChannel channel = listener.accept();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connections.add(channel);
                Thread t = new Thread(() -> echo(channel), "raw-tcp-echo-" + ((InetSocketAddress) channel.getRemoteAddress()).getPort());
                t.setDaemon(true);
                threads.add(t);
                t.start();
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void echo(SocketChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try (channel) {
            while (true) {
                buffer.clear().limit(4);
                if (!readFully(channel, buffer)) {
                    return; // the client closed between messages
                }
                int length = buffer.getInt(0);
                if (length < 0 || length > MAX_PAYLOAD) {
                    return; // not a message of this protocol: drop the connection
                }
                if (buffer.capacity() < 4 + length) {
                    ByteBuffer grown = ByteBuffer.allocateDirect(4 + length);
                    grown.putInt(0, length);
                    buffer = grown;
                }
                buffer.limit(4 + length).position(4);
                if (!readFully(channel, buffer)) {
                    return;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            // peer went away or the server is closing: either way this connection is done
        } finally {
            connections.remove(channel);
            threads.remove(Thread.currentThread());
        }
    }

    /** Reads until {@code buffer} is full; false at end of stream. */
    private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        for (SocketChannel s : connections) {
            s.close();
        }
        acceptor.join(10_000);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
