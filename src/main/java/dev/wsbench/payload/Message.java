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
 * <p>{@link #bytes()} must never be modified; clients whose library masks the caller's buffer in
 * place (Undertow) send a copy.
 */
public final class Message {
    private static final long SEED = 0x5EED_CAFEL;
    private static final String[] NON_ASCII = {"\u00e9", "\u20ac", "\ud834\udd1e"}; // 2, 3 and 4 bytes

    private final MessageType type;
    private final byte[] bytes;
    private final String text;

    private Message(MessageType type, byte[] bytes, String text) {
        this.type = type;
        this.bytes = bytes;
        this.text = text;
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
            return new Message(type, bytes, null);
        }
        StringBuilder text = new StringBuilder(size);
        int length = 0;
        while (length < size) {
            int left = size - length;
            if (left >= 4 && random.nextInt(8) == 0) {
                String ch = NON_ASCII[random.nextInt(NON_ASCII.length)];
                text.append(ch);
                length += ch.getBytes(StandardCharsets.UTF_8).length;
            } else {
                text.append((char) ('a' + random.nextInt(26)));
                length++;
            }
        }
        String s = text.toString();
        return new Message(type, s.getBytes(StandardCharsets.UTF_8), s);
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
        String s = text.toString();
        return new Message(MessageType.TEXT, s.getBytes(StandardCharsets.UTF_8), s);
    }

    public MessageType type() {
        return type;
    }

    /** The payload bytes (UTF-8 for text). Never modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** The payload as a string; only for {@link MessageType#TEXT}. */
    public String text() {
        if (text == null) {
            throw new IllegalStateException("binary message has no text form");
        }
        return text;
    }

    /**
     * Checks that {@code echo} is this message, unchanged: same type, same length, same content.
     * Compares bytes with {@link Arrays#equals(byte[], int, int, byte[], int, int)} (vectorised by
     * the JIT) or, for echoes a library delivered as a string, the string itself.
     *
     * @param context names server, client and size for the failure message
     * @throws EchoMismatchException if the echo differs
     */
    public void verify(ReceivedMessage echo, String context) {
        if (echo.type() != type) {
            throw new EchoMismatchException(context + ": sent a " + type + " message, echo came back as " + echo.type());
        }
        if (echo.isString()) {
            if (!text.equals(echo.string())) {
                throw new EchoMismatchException(context + ": text echo differs from the text sent ("
                        + echo.string().length() + " chars received, " + text.length() + " sent)");
            }
            return;
        }
        if (echo.length() != bytes.length) {
            throw new EchoMismatchException(context + ": echo has " + echo.length() + " bytes, sent " + bytes.length);
        }
        if (!Arrays.equals(bytes, 0, bytes.length, echo.buffer(), 0, bytes.length)) {
            int at = Arrays.mismatch(bytes, 0, bytes.length, echo.buffer(), 0, bytes.length);
            throw new EchoMismatchException(context + ": echo differs from the bytes sent, first at offset " + at);
        }
    }
}
