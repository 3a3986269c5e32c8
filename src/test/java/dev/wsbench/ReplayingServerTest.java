package dev.wsbench;

import java.util.List;
import dev.wsbench.library.EchoClients;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.protocol.Protocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.payload.EchoMismatchException;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.scenario.AsyncEchoLoad;
import dev.wsbench.scenario.LatencyLog;
import dev.wsbench.scenario.ScenarioFailedException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that answers every message with the first message it received on that connection (a
 * correct frame, right type and length, stale content): the sequence stamp must catch it on the
 * second round trip, in the echo path and in the asynchronous connection-scaling path.
 */
class ReplayingServerTest {

    @ParameterizedTest
    @EnumSource(value = MessageType.class)
    void aReplayedEchoFailsTheSecondRoundTrip(MessageType type) throws Exception {
        for (String client : List.of(EchoClients.REFERENCE, "NETTY", EchoClients.JDK)) {
            try (ReplayingServer server = new ReplayingServer();
                    VerifiedEcho echo = new VerifiedEcho(EchoClients.connect(client, server.uri()), Message.of(type, 256), "replay " + client)) {
                echo.roundTrip(); // the first echo is the right one
                EchoMismatchException e = assertThrows(EchoMismatchException.class, echo::roundTrip);
                assertTrue(e.getMessage().contains("echo carries sequence 1, expected 2"), client + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theAsynchronousLoadFailsOnAReplayedEcho() throws Exception {
        try (ReplayingServer server = new ReplayingServer();
                AsyncEchoLoad load = new AsyncEchoLoad(server.uri(), 2, Message.of(MessageType.BINARY, 256), new LatencyLog(), "replay load")) {
            load.start();
            ScenarioFailedException e = assertThrows(ScenarioFailedException.class, () -> load.awaitCompleted(100));
            assertTrue(e.getMessage().contains("replay load: wrong echo"), e.getMessage());
        }
    }

    @Test
    void stampedTextStaysValidUtf8OfTheSameLength() {
        Message text = Message.of(MessageType.TEXT, 256);
        for (int i = 0; i < 3; i++) {
            text.next();
            assertEquals(256, text.text().getBytes(StandardCharsets.UTF_8).length);
            assertTrue(text.text().startsWith(String.format("%016d", text.sequence())), text.text());
        }
        Message tiny = Message.of(MessageType.BINARY, 3);
        tiny.next();
        assertEquals("001", new String(tiny.bytes(), StandardCharsets.US_ASCII)); // the stamp is the sequence modulo 10^size
    }

    /** Thread per connection; the upgrade is answered correctly, then every frame gets the first payload back. */
    private static final class ReplayingServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(Settings.LOOPBACK));

        ReplayingServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        Thread t = new Thread(() -> serve(s), "replaying-connection");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "replaying-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("ws://" + Settings.LOOPBACK + ":" + listener.getLocalPort() + Protocol.ECHO_PATH);
        }

        private static void serve(Socket socket) {
            try (socket) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                FakeServer.acceptUpgrade(socket);
                byte[] first = null;
                int firstOpcode = 0;
                while (true) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    long length = b1 & 0x7F;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    in.readFully(mask);
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i & 3];
                    }
                    int opcode = b0 & 0x0F;
                    if (opcode >= 0x8) {
                        return; // close (or another control frame): this fake is done
                    }
                    if (first == null) {
                        first = payload;
                        firstOpcode = opcode;
                    }
                    ByteArrayOutputStream frame = new ByteArrayOutputStream();
                    frame.write(0x80 | firstOpcode);
                    if (first.length <= 125) {
                        frame.write(first.length);
                    } else {
                        frame.write(126);
                        frame.write(first.length >>> 8);
                        frame.write(first.length & 0xFF);
                    }
                    frame.write(first);
                    out.write(frame.toByteArray());
                }
            } catch (IOException e) {
                // client went away
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
