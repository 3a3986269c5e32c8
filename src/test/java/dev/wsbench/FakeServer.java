package dev.wsbench;

import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A one-connection TCP server for tests: reads the HTTP request head and answers with whatever
 * {@code answer} makes of the request's {@code Sec-WebSocket-Key}, then reads and discards
 * everything (it never echoes).
 */
final class FakeServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;

    FakeServer(Function<String, String> answer) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getByName(Settings.LOOPBACK));
        thread = new Thread(() -> serve(answer), "fake-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI uri() {
        return URI.create("ws://" + Settings.LOOPBACK + ":" + listener.getLocalPort() + Protocol.ECHO_PATH);
    }

    private void serve(Function<String, String> answer) {
        try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            String key = head.toString(StandardCharsets.US_ASCII).lines()
                    .filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("");
            socket.getOutputStream().write(answer.apply(key).getBytes(StandardCharsets.US_ASCII));
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // swallow frames: this server never answers them
            }
        } catch (IOException e) {
            // test over
        }
    }

    /** Reads an upgrade request from {@code socket} and answers it correctly (101 with the right accept key). */
    static void acceptUpgrade(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the end of the upgrade request");
            }
            head.write(b);
        }
        String key = head.toString(StandardCharsets.US_ASCII).lines()
                .filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("");
        socket.getOutputStream().write(switchingProtocols(key, ReferenceEchoClient.acceptFor(key))
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A correct 101 answer for {@code key}. */
    static String switchingProtocols(String key, String accept) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
    }

    @Override
    public void close() throws Exception {
        listener.close();
        thread.join(5000);
    }
}
