package dev.wsbench;

import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.protocol.Protocol;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts the upgrade and then stops reading: the client's write fills the socket
 * buffers and blocks. {@code java.net.Socket} has no write timeout; the round trip must still fail
 * after the timeout, saying that the peer stopped reading, instead of hanging.
 */
class BoundedWriteTest {

    @Test
    void aWriteThePeerNeverReadsFailsAfterTheTimeout() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(Settings.LOOPBACK))) {
            Thread server = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    FakeServer.acceptUpgrade(s);
                    Thread.sleep(Settings.TIMEOUT.toMillis() * 3); // never read again
                } catch (Exception e) {
                    // test over
                }
            }, "not-reading-server");
            server.setDaemon(true);
            server.start();
            URI uri = URI.create("ws://" + Settings.LOOPBACK + ":" + listener.getLocalPort() + Protocol.ECHO_PATH);
            VerifiedEcho echo = new VerifiedEcho(ReferenceEchoClient.connect(uri), Message.of(MessageType.BINARY, 32 << 20), "NOT_READING");
            VerifiedEcho.EchoFailedException e = assertThrows(VerifiedEcho.EchoFailedException.class, echo::roundTrip);
            assertTrue(e.getMessage().startsWith("NOT_READING: write of") && e.getMessage().contains("the peer stopped reading"), e.getMessage());
            server.interrupt();
        }
    }
}
