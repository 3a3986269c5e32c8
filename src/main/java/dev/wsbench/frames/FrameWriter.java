package dev.wsbench.frames;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The suite's own, library-neutral frame writer: it builds the input the parsers are given, so no
 * library parses frames shaped by its own encoder. It writes exactly the header asked for, including
 * ones RFC 6455 forbids, for the malformed-frame catalogue.
 */
public final class FrameWriter {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final SplittableRandom maskKeys;

    /** @param seed seeds the mask keys, so inputs are reproducible */
    public FrameWriter(long seed) {
        maskKeys = new SplittableRandom(seed);
    }

    /** A frame with the shortest length encoding; masked with a random key when {@code masked}. */
    public FrameWriter frame(boolean fin, int opcode, boolean masked, byte[] payload, int offset, int length) {
        return frame(fin ? 0x80 | opcode : opcode, masked, payload, offset, length, LengthEncoding.MINIMAL);
    }

    /** How the payload length is written: the RFC's minimal form, or deliberately longer. */
    public enum LengthEncoding {
        MINIMAL, SIXTEEN_BIT, SIXTY_FOUR_BIT
    }

    /**
     * A frame with {@code firstByte} written as given (FIN, RSV and opcode bits), and the length in
     * the chosen encoding.
     */
    public FrameWriter frame(int firstByte, boolean masked, byte[] payload, int offset, int length, LengthEncoding encoding) {
        out.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        LengthEncoding e = encoding == LengthEncoding.MINIMAL
                ? (length <= 125 ? null : length <= 0xFFFF ? LengthEncoding.SIXTEEN_BIT : LengthEncoding.SIXTY_FOUR_BIT)
                : encoding;
        if (e == null) {
            out.write(maskBit | length);
        } else if (e == LengthEncoding.SIXTEEN_BIT) {
            out.write(maskBit | 126);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >>> shift));
            }
        }
        if (masked) {
            int key = maskKeys.nextInt();
            byte[] k = {(byte) (key >>> 24), (byte) (key >>> 16), (byte) (key >>> 8), (byte) key};
            out.write(k, 0, 4);
            for (int i = 0; i < length; i++) {
                out.write(payload[offset + i] ^ k[i & 3]);
            }
        } else {
            out.write(payload, offset, length);
        }
        return this;
    }

    /** Raw bytes, for headers no method here writes (a truncated frame, a huge declared length). */
    public FrameWriter raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** Raw bytes given as ints (each written as its low 8 bits). */
    public FrameWriter raw(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /**
     * {@code payload} as one message of {@code opcode}: one frame when {@code fragmentSize <= 0},
     * else fragments of {@code fragmentSize} bytes (the last may be shorter).
     */
    public static byte[] message(int opcode, byte[] payload, boolean masked, int fragmentSize, long seed) {
        FrameWriter w = new FrameWriter(seed);
        if (fragmentSize <= 0 || fragmentSize >= payload.length) {
            return w.frame(true, opcode, masked, payload, 0, payload.length).toByteArray();
        }
        for (int at = 0; at < payload.length; at += fragmentSize) {
            int n = Math.min(fragmentSize, payload.length - at);
            w.frame(at + n == payload.length, at == 0 ? opcode : CONTINUATION, masked, payload, at, n);
        }
        return w.toByteArray();
    }

    /**
     * Splits {@code wire} into successive reads: whole when {@code minRead <= 0}, else of random
     * sizes from {@code minRead} to {@code maxRead} bytes (seeded).
     */
    public static List<byte[]> reads(byte[] wire, int minRead, int maxRead, long seed) {
        List<byte[]> reads = new ArrayList<>();
        if (minRead <= 0) {
            reads.add(wire);
            return reads;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int at = 0; at < wire.length; ) {
            int n = Math.min(wire.length - at, minRead + random.nextInt(maxRead - minRead + 1));
            byte[] read = new byte[n];
            System.arraycopy(wire, at, read, 0, n);
            reads.add(read);
            at += n;
        }
        return reads;
    }
}
