package dev.wsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.client.HandshakeException;
import dev.wsbench.client.ReferenceEchoClient;
import org.junit.jupiter.api.Test;

class ReferenceClientHandshakeTest {

    @Test
    void acceptValueMatchesTheRfcExample() {
        // RFC 6455 section 1.3
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", ReferenceEchoClient.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void rejectsAWrongAcceptValue() throws Exception {
        try (FakeServer server = new FakeServer(key -> FakeServer.switchingProtocols(key, "not-the-right-value="))) {
            HandshakeException e = assertThrows(HandshakeException.class, () -> ReferenceEchoClient.connect(server.uri()));
            assertTrue(e.getMessage().contains("wrong Sec-WebSocket-Accept"), e.getMessage());
        }
    }

    @Test
    void rejectsAnUnexpectedStatus() throws Exception {
        try (FakeServer server = new FakeServer(key -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")) {
            HandshakeException e = assertThrows(HandshakeException.class, () -> ReferenceEchoClient.connect(server.uri()));
            assertTrue(e.getMessage().contains("404 Not Found"), e.getMessage());
        }
    }

    @Test
    void rejectsAnUnofferedExtension() throws Exception {
        try (FakeServer server = new FakeServer(key -> FakeServer.switchingProtocols(key, ReferenceEchoClient.acceptFor(key))
                .replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n"))) {
            HandshakeException e = assertThrows(HandshakeException.class, () -> ReferenceEchoClient.connect(server.uri()));
            assertTrue(e.getMessage().contains("permessage-deflate"), e.getMessage());
        }
    }
}
