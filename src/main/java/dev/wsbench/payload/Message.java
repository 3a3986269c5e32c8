package dev.wsbench.payload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One message to echo: its type, its exact bytes, and for text messages the same content as a
 * {@link String}. Content is deterministic (seeded), so a failing run can be reproduced.
 *
 * <p>Binary payloads are pseudo-random bytes (incompressible, nothing content-dependent to
 * exploit). Text payloads are valid UTF-8 of exactly {@code size} bytes that mix one-, two-,
 * three- and four-byte sequences, so UTF-8 validation in the libraries does real work.
 *
 * <p><b>Sequence stamp.</b> The first {@code min(size, }{@value #STAMP_DIGITS}{@code )} bytes carry
 * a sequence number as zero-padded ASCII digits (text keeps those bytes ASCII, so a stamped text
 * message is still valid UTF-8 of exactly {@code size} bytes). A sender calls {@link #next()}
 * before each send and the check compares the echo with that stamp, so an echo of an earlier
 * message, or one delivered twice, fails the run. A message of 0 bytes has no room for a stamp.
 * Clients that send text as a {@code String} get a new String per stamp (built on the first
 * {@link #text()} call after {@link #next()}), as an application sending fresh text would.
 *
 * <p>{@link #bytes()} must never be modified by a client; clients whose library masks the caller's
 * buffer in place (Undertow) send a copy. One sender per instance: a thread that sends while
 * another checks (the open loop) works on a {@link #copy()} and checks with {@link #verify(ReceivedMessage, long, String)}.
 */
public final class Message {
    /** Width of the sequence stamp: 16 decimal digits (the sequence modulo 10^16). */
    public static final int STAMP_DIGITS = 16;
    private static final long SEED = 0x5EED_CAFEL;
    private static final String[] NON_ASCII = {"\u00e9", "\u20ac", "\ud834\udd1e"}; // 2, 3 and 4 bytes

    private final MessageType type;
    /** The content with sequence 0 stamped; what every other sequence is compared with past the stamp. */
    private final byte[] template;
    private final String templateText;
    private final int stampWidth;
    private final byte[] bytes;
    private long sequence;
    private String text;

    private Message(MessageType type, byte[] content) {
        this.type = type;
        this.stampWidth = Math.min(STAMP_DIGITS, content.length);
        writeStamp(content, 0, stampWidth);
        this.template = content;
        this.templateText = type == MessageType.TEXT ? new String(content, StandardCharsets.UTF_8) : null;
        this.bytes = content.clone();
        this.text = templateText;
    }

    /** A message with the same content and sequence, for another sending thread. */
    public Message copy() {
        Message copy = new Message(type, template.clone());
        copy.stamp(sequence);
        return copy;
    }

    /** A message of {@code size} payload bytes. */
    public static Message of(MessageType type, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("payload size must be >= 0, got " + size);
        }
        SplittableRandom random = new SplittableRandom(SEED + size);
        if (type == MessageType.BINARY) {
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            return new Message(type, bytes);
        }
        StringBuilder text = new StringBuilder(size);
        int length = 0;
        while (length < size) {
            int left = size - length;
            if (left >= 4 && length >= STAMP_DIGITS && random.nextInt(8) == 0) { // the stamp's bytes stay ASCII
                String ch = NON_ASCII[random.nextInt(NON_ASCII.length)];
                text.append(ch);
                length += ch.getBytes(StandardCharsets.UTF_8).length;
            } else {
                text.append((char) ('a' + random.nextInt(26)));
                length++;
            }
        }
        return new Message(type, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A compressible text message of exactly {@code size} bytes: JSON chat records such as a chat or
     * market-data feed sends (repeating keys, small varying values), the content permessage-deflate
     * is meant for. Deterministic.
     */
    public static Message json(int size) {
        StringBuilder text = new StringBuilder(size + 128);
        SplittableRandom random = new SplittableRandom(SEED ^ size);
        for (int id = 0; text.length() < size; id++) {
            text.append("{\"id\":").append(id).append(",\"user\":\"user-").append(random.nextInt(100))
                    .append("\",\"room\":\"general\",\"text\":\"message number ").append(id)
                    .append(" in the benchmark room\",\"price\":").append(100 + random.nextInt(900)).append('.').append(random.nextInt(100))
                    .append("}\n");
        }
        text.setLength(size);
        return new Message(MessageType.TEXT, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public MessageType type() {
        return type;
    }

    /** The payload bytes (UTF-8 for text) with the current stamp. Never modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** The payload as a string, with the current stamp; only for {@link MessageType#TEXT}. */
    public String text() {
        if (templateText == null) {
            throw new IllegalStateException("binary message has no text form");
        }
        if (text == null) {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The sequence number stamped now. */
    public long sequence() {
        return sequence;
    }

    /** Stamps the next sequence number into the payload and returns it (call before each send). */
    public long next() {
        stamp(sequence + 1);
        return sequence;
    }

    private void stamp(long value) {
        sequence = value;
        writeStamp(bytes, value, stampWidth);
        text = null;
    }

    private static void writeStamp(byte[] dst, long value, int width) {
        long v = Math.floorMod(value, 10_000_000_000_000_000L);
        for (int i = width - 1; i >= 0; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }

    /**
     * Checks that {@code echo} is this message as last stamped, unchanged: same type, same length,
     * same sequence stamp, same content.
     *
     * @param context names server, client and size for the failure message
     * @throws EchoMismatchException if the echo differs
     */
    public void verify(ReceivedMessage echo, String context) {
        verify(echo, sequence, context);
    }

    /**
     * Checks that {@code echo} is this message stamped with {@code expectedSequence}. Compares bytes
     * with {@link Arrays#equals(byte[], int, int, byte[], int, int)} (vectorised by the JIT) or, for
     * echoes a library delivered as a string, the string itself. Reads nothing this instance's
     * sender changes, so another thread may call it while {@link #next()} runs on a {@link #copy()}.
     */
    public void verify(ReceivedMessage echo, long expectedSequence, String context) {
        if (echo.type() != type) {
            throw new EchoMismatchException(context + ": sent a " + type + " message, echo came back as " + echo.type());
        }
        if (echo.isString()) {
            String received = echo.string();
            if (received.length() != templateText.length()) {
                throw new EchoMismatchException(context + ": text echo differs from the text sent ("
                        + received.length() + " chars received, " + templateText.length() + " sent)");
            }
            checkStamp(received, expectedSequence, context);
            if (!received.regionMatches(stampWidth, templateText, stampWidth, templateText.length() - stampWidth)) {
                throw new EchoMismatchException(context + ": text echo differs from the text sent");
            }
            return;
        }
        if (echo.length() != template.length) {
            throw new EchoMismatchException(context + ": echo has " + echo.length() + " bytes, sent " + template.length);
        }
        byte[] received = echo.buffer();
        checkStamp(received, expectedSequence, context);
        if (!Arrays.equals(template, stampWidth, template.length, received, stampWidth, template.length)) {
            int at = stampWidth + Arrays.mismatch(template, stampWidth, template.length, received, stampWidth, template.length);
            throw new EchoMismatchException(context + ": echo differs from the bytes sent, first at offset " + at);
        }
    }

    private void checkStamp(String received, long expected, String context) {
        long found = 0;
        boolean digits = true;
        for (int i = 0; i < stampWidth; i++) {
            char c = received.charAt(i);
            digits &= c >= '0' && c <= '9';
            found = found * 10 + (c - '0');
        }
        stampMismatch(found, digits, expected, context);
    }

    private void checkStamp(byte[] received, long expected, String context) {
        long found = 0;
        boolean digits = true;
        for (int i = 0; i < stampWidth; i++) {
            int c = received[i];
            digits &= c >= '0' && c <= '9';
            found = found * 10 + (c - '0');
        }
        stampMismatch(found, digits, expected, context);
    }

    private void stampMismatch(long found, boolean digits, long expected, String context) {
        long want = stampWidth == 0 ? 0 : Math.floorMod(expected, pow10(stampWidth));
        if (!digits || found != want) {
            throw new EchoMismatchException(context + ": echo carries sequence "
                    + (digits ? String.valueOf(found) : "(not digits)") + ", expected " + want
                    + (digits && found < want ? " (an earlier message's echo, or one delivered twice)" : ""));
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
