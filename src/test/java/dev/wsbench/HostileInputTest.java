package dev.wsbench;

import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.library.Library;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.protocol.Protocol;
import dev.wsbench.server.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to the servers the suite starts ({@code mvn jmh:serve} may listen on 0.0.0.0): after
 * each kind of abuse, every server still echoes on another connection, its heap has not grown by
 * more than {@value #HEAP_BOUND_MB} MB while the abusive connection is still open, and a message
 * over the limit is never echoed. Every wait is bounded by socket timeouts.
 */
class HostileInputTest {
    private static final int HEAP_BOUND_MB = 200;
    private static final int WAIT_MS = 5000;

    private static final List<EchoServer> SERVERS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        for (Library type : TestLibraries.servers()) {
            SERVERS.add(type.startServer(Settings.LOOPBACK, 0));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (EchoServer s : SERVERS) {
            s.close();
        }
    }

    private static EchoServer server(Library type) {
        return SERVERS.get(type.ordinal());
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void aFrameHeaderClaimingGigabytesAllocatesNothingOfThatSize(Library type) throws Exception {
        long before = usedHeapMb();
        try (Socket s = upgraded(server(type))) {
            s.getOutputStream().write(maskedHeader(0x82, 1_500_000_000L)); // and then nothing
            Thread.sleep(300);
            assertHeapBounded(type, before);
            assertStillServes(type);
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void aMessageOverTheLimitIsRefusedNotEchoed(Library type) throws Exception {
        long length = Settings.MAX_MESSAGE_BYTES + 1L;
        try (Socket s = upgraded(server(type))) {
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(maskedHeader(0x82, length));
                    byte[] chunk = new byte[1 << 20];
                    for (long sent = 0; sent < length; sent += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
                    }
                } catch (IOException refused) {
                    // the server closed the connection while we were still sending: that is a refusal
                }
            }, "oversized-writer");
            writer.setDaemon(true);
            writer.start();
            s.setSoTimeout(Settings.TIMEOUT.toMillis() > WAIT_MS ? (int) Settings.TIMEOUT.toMillis() : WAIT_MS);
            String answer = readUntilCloseOrEnd(s.getInputStream());
            assertTrue(answer.startsWith("close") || answer.equals("end of stream") || answer.equals("reset"),
                    type + " answered an oversized message with " + answer);
            writer.join(WAIT_MS);
        }
        assertStillServes(type);
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void garbageInsteadOfHttpLeavesTheServerServing(Library type) throws Exception {
        try (Socket s = new Socket(Settings.LOOPBACK, server(type).port())) {
            byte[] garbage = Message.of(MessageType.BINARY, 64 * 1024).bytes();
            try {
                s.getOutputStream().write("\u0000\u0001\u0002 not http\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().write(garbage);
            } catch (IOException closedOnUs) {
                // refused mid-way: fine
            }
            assertStillServes(type);
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void hugeHandshakeHeadersAreRefusedWithBoundedMemory(Library type) throws Exception {
        long before = usedHeapMb();
        try (Socket s = new Socket(Settings.LOOPBACK, server(type).port())) {
            s.setSoTimeout(WAIT_MS);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(("GET " + Protocol.ECHO_PATH + " HTTP/1.1\r\nHost: x\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] line = ("X-Filler: " + "a".repeat(8180) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 4096; i++) { // 32 MiB of headers
                        out.write(line);
                    }
                } catch (IOException refused) {
                    // the server closed the connection: that is a refusal
                }
            }, "huge-headers-writer");
            writer.setDaemon(true);
            writer.start();
            writer.join(WAIT_MS * 2L);
            assertHeapBounded(type, before);
            assertStillServes(type);
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void manyHalfOpenHandshakesDoNotStopOtherConnections(Library type) throws Exception {
        List<Socket> halfOpen = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket(Settings.LOOPBACK, server(type).port());
                halfOpen.add(s);
                s.getOutputStream().write(("GET " + Protocol.ECHO_PATH + " HTTP/1.1\r\nHost: x\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            assertStillServes(type);
        } finally {
            for (Socket s : halfOpen) {
                s.close();
            }
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void aPingFloodDoesNotStopOtherConnections(Library type) throws Exception {
        try (Socket s = upgraded(server(type))) {
            Thread drain = new Thread(() -> {
                try {
                    s.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException over) {
                    // connection closed
                }
            }, "pong-drain");
            drain.setDaemon(true);
            drain.start();
            ByteArrayOutputStream pings = new ByteArrayOutputStream();
            byte[] header = maskedHeader(0x89, 125);
            for (int i = 0; i < 2000; i++) {
                pings.write(header);
                pings.write(new byte[125]);
            }
            byte[] burst = pings.toByteArray();
            Thread flood = new Thread(() -> {
                try {
                    for (int i = 0; i < 10; i++) { // 20000 pings
                        s.getOutputStream().write(burst);
                    }
                } catch (IOException closedOnUs) {
                    // a server may close a flooding connection
                }
            }, "ping-flood");
            flood.setDaemon(true);
            flood.start();
            assertStillServes(type);
            flood.join(WAIT_MS);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertStillServes(Library type) throws Exception {
        try (VerifiedEcho echo = new VerifiedEcho(ReferenceEchoClient.connect(server(type).uri()), Message.of(MessageType.BINARY, 8192),
                type + " after hostile input")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(8192, echo.roundTrip());
            }
        }
    }

    private static long usedHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void assertHeapBounded(Library type, long beforeMb) {
        long grew = usedHeapMb() - beforeMb;
        assertTrue(grew < HEAP_BOUND_MB, type + ": heap grew by " + grew + " MB while the hostile connection was open");
    }

    /** A raw connection that has completed the opening handshake on the echo path. */
    private static Socket upgraded(EchoServer server) throws IOException {
        Socket s = new Socket(Settings.LOOPBACK, server.port());
        s.setSoTimeout(WAIT_MS);
        String key = "dGhlIHNhbXBsZSBub25jZQ==";
        s.getOutputStream().write(("GET " + Protocol.ECHO_PATH + " HTTP/1.1\r\nHost: " + Settings.LOOPBACK + ":" + server.port()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.write(b);
        }
        assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head.toString(StandardCharsets.US_ASCII));
        return s;
    }

    /** A masked frame header (mask key 0) announcing {@code length} payload bytes. */
    private static byte[] maskedHeader(int firstByte, long length) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(firstByte);
        if (length <= 125) {
            h.write(0x80 | (int) length);
        } else if (length <= 0xFFFF) {
            h.write(0x80 | 126);
            h.write((int) (length >>> 8));
            h.write((int) length & 0xFF);
        } else {
            h.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                h.write((int) (length >>> shift) & 0xFF);
            }
        }
        h.write(0);
        h.write(0);
        h.write(0);
        h.write(0);
        return h.toByteArray();
    }

    /** Reads server frames until a close frame ("close CODE"), a data frame ("data"), end of stream or a reset. */
    private static String readUntilCloseOrEnd(InputStream in) throws IOException {
        try {
            while (true) {
                int b0 = in.read();
                if (b0 < 0) {
                    return "end of stream";
                }
                int b1 = in.read();
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = (in.read() << 8) | in.read();
                } else if (len == 127) {
                    len = 0;
                    for (int i = 0; i < 8; i++) {
                        len = (len << 8) | in.read();
                    }
                }
                int opcode = b0 & 0x0F;
                if (opcode == 0x1 || opcode == 0x2) {
                    return "data frame of " + len + " bytes";
                }
                byte[] payload = in.readNBytes((int) Math.min(len, 125));
                if (opcode == 0x8) {
                    return "close " + (payload.length >= 2 ? ((payload[0] & 0xFF) << 8 | (payload[1] & 0xFF)) : 1005);
                }
            }
        } catch (SocketTimeoutException e) {
            return "nothing within " + WAIT_MS + " ms";
        } catch (SocketException e) {
            return "reset";
        }
    }
}
