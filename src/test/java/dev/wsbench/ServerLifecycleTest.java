package dev.wsbench;

import org.junit.jupiter.params.provider.MethodSource;
import dev.wsbench.library.Library;
import dev.wsbench.client.VerifiedEcho;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.server.EchoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;

/** After close, a server's threads and port are gone: 20 start/echo/stop cycles in one JVM. */
class ServerLifecycleTest {
    private static final int CYCLES = 20;

    @ParameterizedTest
    @MethodSource("dev.wsbench.library.Library#withServer")
    void startAndStopTwentyTimesLeavesNoThreadsAndFreesThePort(Library type) throws Exception {
        Message message = Message.of(MessageType.BINARY, 8192);
        cycle(type, message); // first start loads classes and may create library-wide singletons
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        for (int i = 0; i < CYCLES; i++) {
            int port = cycle(type, message);
            assertTrue(nothingListensOn(port), type + ": port " + port + " still accepts connections after close (cycle " + i + ")");
            assertEquals(0, openSocketsOn(port), type + ": sockets on port " + port + " still open after close (cycle " + i + ")");
        }
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
        Set<String> leaked;
        do {
            leaked = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t))
                    .map(Thread::getName)
                    .collect(Collectors.toSet());
            if (leaked.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        fail(type + ": threads still alive " + Settings.TIMEOUT.toMillis() + " ms after " + CYCLES + " start/stop cycles: " + leaked);
    }

    /**
     * A standalone server is restarted on the same port right after a run: the port must be free
     * for a new bind at once, although the connections of the last run may still be in TIME_WAIT
     * (Java-WebSocket did not set SO_REUSEADDR).
     */
    @ParameterizedTest
    @MethodSource("dev.wsbench.library.Library#withServer")
    void restartsOnTheSamePortRightAfterARun(Library type) throws Exception {
        Message message = Message.of(MessageType.BINARY, 256);
        EchoServer first = type.startServer(Settings.LOOPBACK, 0);
        int port = first.port();
        try {
            for (int i = 0; i < 3; i++) { // connections the server side closes first leave TIME_WAIT on its port
                try (VerifiedEcho echo = new VerifiedEcho(ReferenceEchoClient.connect(first.uri()), message, type + " before restart")) {
                    echo.roundTrip();
                }
            }
        } finally {
            first.close();
        }
        EchoServer again = type.startServer(Settings.LOOPBACK, port);
        try (VerifiedEcho echo = new VerifiedEcho(ReferenceEchoClient.connect(again.uri()), message, type + " after restart")) {
            echo.roundTrip();
        } finally {
            again.close();
        }
    }

    /** Starts the server, echoes one message through it, stops it; returns the port it had. */
    private static int cycle(Library type, Message message) throws Exception {
        EchoServer server = type.startServer(Settings.LOOPBACK, 0);
        int port = server.port();
        try (VerifiedEcho echo = new VerifiedEcho(ReferenceEchoClient.connect(server.uri()), message, type + " lifecycle")) {
            echo.roundTrip();
        } finally {
            server.close();
        }
        return port;
    }

    private static boolean nothingListensOn(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(Settings.LOOPBACK), port), 1000);
            return false;
        } catch (IOException e) {
            return true; // refused: no listener
        }
    }

    /**
     * Sockets with local port {@code port} that a process still holds open (Linux: entries of
     * /proc/net/tcp with a non-zero inode). Connections in TIME_WAIT belong to the kernel, not to the
     * server, and are not counted: a server that closes first leaves them for 60 s by design.
     */
    private static long openSocketsOn(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        long open = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(hexPort) && !f[9].equals("0")) {
                    open++;
                }
            }
        }
        return open;
    }
}
