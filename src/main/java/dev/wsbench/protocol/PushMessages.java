package dev.wsbench.protocol;

import dev.wsbench.Settings;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-push message format, shared by the server side (which builds messages) and the client
 * side (which checks them): bytes 0-7 the server's {@link System#nanoTime()} when it handed the
 * message to its library, bytes 8-11 the sequence number within the request, the rest the fixed
 * content of {@link Message#of} binary of the same size. Server and client run in one process, so
 * the time stamp gives one-way latency on one clock.
 */
public final class PushMessages {
    /** Time stamp and sequence number. */
    public static final int HEADER = 12;
    /** Largest total a single request may ask for, so a typo cannot exhaust the heap. */
    static final long MAX_REQUEST_BYTES = 256L * 1024 * 1024;

    private static final Map<Integer, PushMessages> BY_SIZE = new ConcurrentHashMap<>();

    private final byte[] template;

    private PushMessages(int size) {
        this.template = Message.of(MessageType.BINARY, size).bytes();
    }

    public static PushMessages forSize(int size) {
        if (size < HEADER) {
            throw new IllegalArgumentException("push messages need at least " + HEADER + " bytes, got " + size);
        }
        return BY_SIZE.computeIfAbsent(size, PushMessages::new);
    }

    public int size() {
        return template.length;
    }

    /** A new message (the library may hold it until written), without its time stamp yet. */
    public ByteBuffer build(int sequence) {
        byte[] bytes = template.clone();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.putInt(8, sequence);
        return buffer;
    }

    /** Writes the hand-over time stamp: call with {@link System#nanoTime()} just before giving the built message to the library. */
    public static ByteBuffer stampTime(ByteBuffer message, long nanoTime) {
        message.putLong(0, nanoTime);
        return message;
    }

    /**
     * Checks a received message: its length, its sequence number and its content after the header.
     *
     * @return the server's time stamp
     * @throws IllegalStateException naming what differs, prefixed by {@code context}
     */
    public long check(byte[] received, int length, int expectedSequence, String context) {
        if (length != template.length) {
            throw new IllegalStateException(context + ": pushed message " + expectedSequence + " has " + length + " bytes, expected " + template.length);
        }
        ByteBuffer view = ByteBuffer.wrap(received, 0, length);
        int sequence = view.getInt(8);
        if (sequence != expectedSequence) {
            throw new IllegalStateException(context + ": expected pushed message " + expectedSequence + ", got " + sequence
                    + " (a message was lost, duplicated or reordered)");
        }
        if (!Arrays.equals(template, HEADER, length, received, HEADER, length)) {
            throw new IllegalStateException(context + ": pushed message " + sequence + " differs from the content sent, first at offset "
                    + (HEADER + Arrays.mismatch(template, HEADER, length, received, HEADER, length)));
        }
        return view.getLong(0);
    }

    /** A client's request: {@code push COUNT SIZE}. */
    public record Request(int count, int size) {
        public static Request parse(String text) {
            String[] words = text.trim().split("\\s+");
            if (words.length != 3 || !words[0].equals("push")) {
                throw new IllegalArgumentException("expected 'push COUNT SIZE', got '" + abbreviate(text) + "'");
            }
            int count;
            int size;
            try {
                count = Integer.parseInt(words[1]);
                size = Integer.parseInt(words[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("COUNT and SIZE must be numbers in '" + abbreviate(text) + "'");
            }
            if (count < 1 || size < HEADER || size > Settings.MAX_MESSAGE_BYTES || (long) count * size > MAX_REQUEST_BYTES) {
                throw new IllegalArgumentException("push needs COUNT >= 1, SIZE from " + HEADER + " to " + Settings.MAX_MESSAGE_BYTES
                        + " and COUNT x SIZE <= " + MAX_REQUEST_BYTES + ", got '" + abbreviate(text) + "'");
            }
            return new Request(count, size);
        }

        public String text() {
            return "push " + count + " " + size;
        }

        private static String abbreviate(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "..." : text;
        }
    }
}
