package dev.wsbench.payload;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A received message, reused from one round trip to the next so that receiving allocates nothing
 * of its own. It holds either bytes (in a buffer that grows only when a larger message arrives) or,
 * for libraries that hand text to the application as a string, that string.
 */
public final class ReceivedMessage {
    private MessageType type;
    private byte[] buffer = new byte[0];
    private int length;
    private String string;

    public MessageType type() {
        return type;
    }

    /** Whether the library delivered this (text) message as a string rather than bytes. */
    public boolean isString() {
        return string != null;
    }

    public String string() {
        return string;
    }

    /** Bytes of the message in {@code buffer()[0 .. length())}; for string messages, the UTF-16 length. */
    public int length() {
        return string != null ? string.length() : length;
    }

    public byte[] buffer() {
        return buffer;
    }

    /** Starts a message whose bytes will be appended. */
    public void begin(MessageType type) {
        this.type = type;
        this.length = 0;
        this.string = null;
    }

    public void append(byte[] src, int offset, int count) {
        ensureSpace(count);
        System.arraycopy(src, offset, buffer, length, count);
        length += count;
    }

    /** Appends the remaining bytes of {@code src}, leaving its position unchanged. */
    public void append(ByteBuffer src) {
        int count = src.remaining();
        ensureSpace(count);
        src.get(src.position(), buffer, length, count);
        length += count;
    }

    /** Makes room for {@code count} more bytes and returns the offset to write them at. */
    public int reserve(int count) {
        ensureSpace(count);
        int at = length;
        length += count;
        return at;
    }

    public void setString(MessageType type, String s) {
        this.type = type;
        this.string = s;
        this.length = 0;
    }

    /** Text content, whichever form it arrived in (for tests and diagnostics; allocates). */
    public String asText() {
        return string != null ? string : new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private void ensureSpace(int count) {
        if (buffer.length - length < count) {
            long needed = (long) length + count;
            byte[] grown = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.length))];
            System.arraycopy(buffer, 0, grown, 0, length);
            buffer = grown;
        }
    }
}
