package dev.wsbench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loopback baseline: a minimal blocking TCP echo server (one thread per connection writing
 * back whatever it reads). No WebSocket, no HTTP. Its round trip is the floor every WebSocket echo
 * of the same bytes is compared with.
 */
public final class RawTcpEchoServer implements EchoServer {
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final String host;

    private RawTcpEchoServer(String host, int port) throws IOException {
        this.host = host;
        listener = new ServerSocket(port, 50, InetAddress.getByName(host));
        acceptor = new Thread(this::acceptLoop, "raw-tcp-echo-acceptor");
        acceptor.setDaemon(true);
    }

    public static RawTcpEchoServer start(String host, int port) throws IOException {
        RawTcpEchoServer server = new RawTcpEchoServer(host, port);
        server.acceptor.start();
        return server;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread t = new Thread(() -> echo(socket), "raw-tcp-echo-" + socket.getPort());
                t.setDaemon(true);
                threads.add(t);
                t.start();
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void echo(Socket socket) {
        byte[] buffer = new byte[64 * 1024];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // peer went away or the server is closing: either way this connection is done
        } finally {
            connections.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        for (Socket s : connections) {
            s.close();
        }
        acceptor.join(10_000);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
