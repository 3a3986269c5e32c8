package dev.wsbench;

import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.library.EchoClients;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that completes the handshake and then never echoes: the round trip fails within the
 * timeout, with a message that names server, client and size (never a hang).
 */
class MissingEchoTest {

    @ParameterizedTest
    @ValueSource(strings = {"REFERENCE", "NETTY"}) // the blocking client and a mailbox-based one
    void missingEchoFailsWithinTheTimeoutNamingThePair(String client) throws Exception {
        try (FakeServer server = new FakeServer(key -> FakeServer.switchingProtocols(key, ReferenceEchoClient.acceptFor(key)))) {
            VerifiedEcho echo = new VerifiedEcho(EchoClients.connect(client, server.uri()), Message.of(MessageType.BINARY, 256),
                     VerifiedEcho.describe("SILENT", client, 256, MessageType.BINARY));
            long start = System.nanoTime();
            VerifiedEcho.EchoFailedException e = assertThrows(VerifiedEcho.EchoFailedException.class, echo::roundTrip);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("server=SILENT client=" + client + " size=256"), e.getMessage());
            assertTrue(e.getMessage().contains("no echo within") || e.getMessage().contains("no data within"), e.getMessage());
            // Correctness, not speed: the wait ended (it did not hang) and not before the timeout.
            assertTrue(tookMs >= Settings.TIMEOUT.toMillis() - 50, "gave up after " + tookMs + " ms");
            if (client.equals(EchoClients.REFERENCE)) {
                // nor does it answer the close frame: the reference client says so instead of waiting silently
                TimeoutException closing = assertThrows(TimeoutException.class, echo::close);
                assertTrue(closing.getMessage().startsWith("closing handshake: no close frame"), closing.getMessage());
            } else {
                echo.close();
            }
        }
    }
}
