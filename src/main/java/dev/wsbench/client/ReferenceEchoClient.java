package dev.wsbench.client;

import dev.wsbench.Settings;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import dev.wsbench.protocol.Protocol;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;

/**
 * The suite's own minimal client, used by default to compare servers: every server then sees the
 * same client, whose cost is small and known.
 *
 * <p>Blocking, on a plain socket, on the benchmark thread itself (no I/O thread, so no extra
 * cross-thread wakeup on the client side). It performs the real HTTP/1.1 upgrade and checks
 * {@code Sec-WebSocket-Accept}, sends each message as one masked frame (8 bytes at a time XOR),
 * reads possibly fragmented unmasked frames, answers pings, and allocates nothing per round trip
 * once its buffers have grown to the message size.
 *
 * <p>Mask keys come from a non-cryptographic generator seeded from {@link SecureRandom}: RFC 6455
 * asks for unpredictable keys to protect intermediaries, which a loopback benchmark does not have.
 */
public final class ReferenceEchoClient implements EchoClient {
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;
    private static final int MAX_HEADER = 14;
    /** How long close() waits for the server's half of the closing handshake. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final BlockingSocket socket;
    private final SplittableRandom maskKeys = new SplittableRandom(new SecureRandom().nextLong());
    private final ReceivedMessage received = new ReceivedMessage();
    private final byte[] controlPayload = new byte[125];
    private byte[] sendBuffer = new byte[MAX_HEADER + 8192];

    private ReferenceEchoClient(BlockingSocket socket) {
        this.socket = socket;
    }

    /** Connects and performs the opening handshake; fails with {@link HandshakeException} on a bad answer. */
    public static ReferenceEchoClient connect(URI uri) throws IOException, TimeoutException {
        BlockingSocket socket = BlockingSocket.connect(uri);
        try {
            handshake(socket, uri);
            return new ReferenceEchoClient(socket);
        } catch (IOException | TimeoutException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void handshake(BlockingSocket socket, URI uri) throws IOException, TimeoutException {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = Protocol.requestTarget(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(), uri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        socket.write(bytes, 0, bytes.length);

        String status = readLine(socket);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].equals("101")) {
            throw new HandshakeException("expected 'HTTP/1.1 101 Switching Protocols' from " + uri + ", got '" + status + "'");
        }
        String accept = null;
        boolean upgrade = false;
        for (String line = readLine(socket); !line.isEmpty(); line = readLine(socket)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("sec-websocket-accept")) {
                accept = value;
            } else if (name.equals("upgrade")) {
                upgrade = value.equalsIgnoreCase("websocket");
            } else if (name.equals("sec-websocket-extensions") && !value.isEmpty()) {
                throw new HandshakeException(uri + " negotiated extensions '" + value + "' that were not offered");
            }
        }
        String expected = acceptFor(key);
        if (!expected.equals(accept)) {
            throw new HandshakeException("wrong Sec-WebSocket-Accept from " + uri + ": expected '" + expected + "', got '" + accept + "'");
        }
        if (!upgrade) {
            throw new HandshakeException("no 'Upgrade: websocket' header in the 101 answer from " + uri);
        }
    }

    /** The {@code Sec-WebSocket-Accept} value RFC 6455 section 4.2.2 derives from a key. */
    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }

    private static String readLine(BlockingSocket socket) throws IOException, TimeoutException {
        StringBuilder line = new StringBuilder();
        for (int b = socket.readByte(); b != '\n'; b = socket.readByte()) {
            if (line.length() > 8192) {
                throw new HandshakeException("HTTP header line longer than 8192 bytes");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException {
        byte[] payload = message.bytes();
        sendFrame(message.type().opcode(), payload, payload.length);
        readMessage();
        return received;
    }

    /** Sends {@code payload[0..length)} as one message of {@code type} without waiting for anything. */
    public void send(MessageType type, byte[] payload, int length) throws IOException {
        sendFrame(type.opcode(), payload, length);
    }

    /** Blocks until the next data message has arrived in full; valid until the next receive. */
    public ReceivedMessage receive() throws IOException, TimeoutException {
        readMessage();
        return received;
    }

    /** Writes one masked frame with FIN set: header and masked payload in a single write. */
    private void sendFrame(int opcode, byte[] payload, int length) throws IOException {
        if (sendBuffer.length < MAX_HEADER + length) {
            sendBuffer = new byte[MAX_HEADER + length];
        }
        byte[] buf = sendBuffer;
        int pos = 0;
        buf[pos++] = (byte) (0x80 | opcode);
        if (length <= 125) {
            buf[pos++] = (byte) (0x80 | length);
        } else if (length <= 0xFFFF) {
            buf[pos++] = (byte) (0x80 | 126);
            buf[pos++] = (byte) (length >>> 8);
            buf[pos++] = (byte) length;
        } else {
            buf[pos++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) ((long) length >>> shift);
            }
        }
        int mask = maskKeys.nextInt();
        buf[pos++] = (byte) (mask >>> 24);
        buf[pos++] = (byte) (mask >>> 16);
        buf[pos++] = (byte) (mask >>> 8);
        buf[pos++] = (byte) mask;
        mask(payload, length, buf, pos, mask);
        socket.write(buf, 0, pos + length);
    }

    /**
     * XORs {@code src[0..length)} with the 4-byte key (big-endian in {@code mask}) into {@code dst} at
     * {@code dstOffset}, 8 bytes per step.
     */
    static void mask(byte[] src, int length, byte[] dst, int dstOffset, int mask) {
        // Key byte k sits at payload positions i % 4 == k; read little-endian, byte k is bits 8k..8k+7.
        long key = Integer.reverseBytes(mask) & 0xFFFF_FFFFL;
        long key8 = key | (key << 32);
        int i = 0;
        for (int end = length - 7; i < end; i += 8) {
            LONGS.set(dst, dstOffset + i, (long) LONGS.get(src, i) ^ key8);
        }
        for (; i < length; i++) {
            dst[dstOffset + i] = (byte) (src[i] ^ (mask >>> (24 - 8 * (i & 3))));
        }
    }

    /** Reads frames until one data message is complete; answers pings on the way. */
    private void readMessage() throws IOException, TimeoutException {
        int messageOpcode = -1;
        while (true) {
            int b0 = socket.readByte();
            int b1 = socket.readByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            if ((b0 & 0x70) != 0) {
                throw new IOException("protocol error: RSV bits set in a frame from the server (no extension was negotiated)");
            }
            if ((b1 & 0x80) != 0) {
                throw new IOException("protocol error: server frame is masked (RFC 6455 section 5.1 forbids it)");
            }
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (socket.readByte() << 8) | socket.readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | socket.readByte();
                }
            }
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new IOException("protocol error: frame length " + Long.toUnsignedString(length) + " is not supported");
            }
            if (opcode >= OP_CLOSE) {
                handleControl(opcode, (int) length);
                continue;
            }
            if (opcode == OP_CONTINUATION) {
                if (messageOpcode < 0) {
                    throw new IOException("protocol error: continuation frame with no message started");
                }
            } else {
                if (messageOpcode >= 0) {
                    throw new IOException("protocol error: new data frame inside a fragmented message");
                }
                messageOpcode = opcode;
                received.begin(opcode == MessageType.TEXT.opcode() ? MessageType.TEXT : MessageType.BINARY);
                if (opcode != MessageType.TEXT.opcode() && opcode != MessageType.BINARY.opcode()) {
                    throw new IOException("protocol error: reserved opcode 0x" + Integer.toHexString(opcode));
                }
            }
            int at = received.reserve((int) length);
            socket.readFully(received.buffer(), at, (int) length);
            if (fin) {
                return;
            }
        }
    }

    private void handleControl(int opcode, int length) throws IOException, TimeoutException {
        if (length > 125) {
            throw new IOException("protocol error: control frame with " + length + " byte payload (max 125)");
        }
        socket.readFully(controlPayload, 0, length);
        switch (opcode) {
            case OP_PING -> sendFrame(OP_PONG, controlPayload, length);
            case OP_PONG -> {
                // unsolicited pong: ignore, as RFC 6455 section 5.5.3 allows
            }
            case OP_CLOSE -> {
                int code = length >= 2 ? ((controlPayload[0] & 0xFF) << 8) | (controlPayload[1] & 0xFF) : 1005;
                String reason = length > 2 ? new String(controlPayload, 2, length - 2, StandardCharsets.UTF_8) : "";
                throw new IOException("server closed the connection: code " + code + (reason.isEmpty() ? "" : " '" + reason + "'"));
            }
            default -> throw new IOException("protocol error: reserved control opcode 0x" + Integer.toHexString(opcode));
        }
    }

    /** Sends a close frame (code 1000) and nothing else; the caller reads until the server's close frame. */
    public void sendClose() throws IOException {
        controlPayload[0] = (byte) (1000 >>> 8);
        controlPayload[1] = (byte) (1000 & 0xFF);
        sendFrame(OP_CLOSE, controlPayload, 2);
    }

    /** Closes the socket without a closing handshake (to end a read another thread is blocked in). */
    public void abort() throws IOException {
        socket.close();
    }

    /**
     * The closing handshake: sends a close frame (code 1000), reads (and drops) data messages still
     * on their way until the server's close frame or end of stream arrives, then closes the socket.
     * Bounded: a server that does not answer within {@code min(2 s, timeout)} fails the close with a
     * {@link TimeoutException}, so a broken closing handshake is reported instead of costing time silently.
     */
    @Override
    public void close() throws IOException, TimeoutException {
        Duration wait = CLOSE_WAIT.compareTo(Settings.TIMEOUT) < 0 ? CLOSE_WAIT : Settings.TIMEOUT;
        try {
            sendClose();
            socket.setReadTimeout(wait);
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                readMessage(); // a data message still on its way: drop it and go on
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the server sent data but no close frame within " + wait.toMillis() + " ms of ours");
                }
            }
        } catch (TimeoutException e) {
            throw new TimeoutException("closing handshake: no close frame from the server within " + wait.toMillis() + " ms");
        } catch (IOException closedOrEnded) {
            // the server's close frame (thrown by readMessage), end of stream, or a reset: the connection is over
        } finally {
            socket.close();
        }
    }
}
