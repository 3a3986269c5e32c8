package dev.wsbench.frames;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Helpers for the frame tests: reference XOR, payloads, and running a parser to completion. */
final class Frames {
    private Frames() {
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** The RFC 6455 section 5.3 transformation, one byte at a time: the reference every masker must equal. */
    static byte[] referenceXor(byte[] data, int key) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ (key >>> (24 - 8 * (i % 4))));
        }
        return out;
    }

    /** A buffer of {@code kind} whose content starts at a non-zero position (3). */
    static ByteBuffer atOffset(BufferKind kind, byte[] content) {
        ByteBuffer b = kind.allocate(content.length + 8);
        b.position(3);
        b.put(content);
        b.flip();
        b.position(3);
        return b;
    }

    static byte[] bytes(ByteBuffer b, int from, int length) {
        byte[] out = new byte[length];
        b.get(from, out, 0, length);
        return out;
    }

    /** What a parser produced: the data frames in order. */
    record Parsed(List<Integer> opcodes, List<Boolean> fins, byte[] payload) {
    }

    static Parsed parse(FrameParser parser, List<byte[]> reads) throws FrameRejectedException {
        List<Integer> opcodes = new ArrayList<>();
        List<Boolean> fins = new ArrayList<>();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        ByteBuffer[] buffers = reads.stream().map(r -> ByteBuffer.wrap(r.clone())).toArray(ByteBuffer[]::new);
        parser.parse(buffers, (opcode, fin, data) -> {
            opcodes.add(opcode);
            fins.add(fin);
            byte[] b = new byte[data.remaining()];
            data.duplicate().get(b);
            payload.write(b, 0, b.length);
        });
        return new Parsed(opcodes, fins, payload.toByteArray());
    }
}
