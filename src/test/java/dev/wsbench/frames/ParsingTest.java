package dev.wsbench.frames;

import dev.wsbench.TestLibraries;
import dev.wsbench.library.Library;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every library's parser against RFC 6455's examples, every other library's frames, and every shape. */
class ParsingTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    private static Frames.Parsed parse(Library type, Side side, byte[]... reads) throws FrameRejectedException {
        return Frames.parse(type.newCodec().newParser(side), List.of(reads));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** RFC 6455 section 5.7, byte for byte. */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#codecs")
    void rfc6455Examples(Library type) throws Exception {
        // A single-frame unmasked text message (a server's frame, parsed by a client)
        Frames.Parsed p = parse(type, Side.CLIENT, bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        assertArrayEquals(HELLO, p.payload(), type + " unmasked Hello");
        assertEquals(1, p.opcodes().get(0));
        // A single-frame masked text message (a client's frame, parsed by a server)
        p = parse(type, Side.SERVER, bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
        assertArrayEquals(HELLO, p.payload(), type + " masked Hello");
        // A fragmented unmasked text message: "Hel" then "lo"
        p = parse(type, Side.CLIENT, bytes(0x01, 0x03, 0x48, 0x65, 0x6c), bytes(0x80, 0x02, 0x6c, 0x6f));
        assertArrayEquals(HELLO, p.payload(), type + " fragmented Hello");
        // Unmasked ping then a masked... (pings are control frames: no data delivered, no error)
        p = parse(type, Side.CLIENT, bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        assertArrayEquals(HELLO, p.payload(), type + " ping then Hello");
        // 256 bytes binary in a single unmasked frame: 0x82 0x7E 0x0100
        byte[] b256 = Frames.random(256, 1);
        p = parse(type, Side.CLIENT, concat(bytes(0x82, 0x7E, 0x01, 0x00), b256));
        assertArrayEquals(b256, p.payload(), type + " 256-byte binary");
        // 64 KiB binary in a single unmasked frame: 0x82 0x7F 0x0000000000010000
        byte[] b64k = Frames.random(65536, 2);
        p = parse(type, Side.CLIENT, concat(bytes(0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0), b64k));
        assertArrayEquals(b64k, p.payload(), type + " 64 KiB binary");
    }

    /** The suite's own writer reproduces the RFC's unmasked examples byte for byte. */
    @Test
    void frameWriterMatchesTheRfcExamples() {
        assertArrayEquals(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), FrameWriter.message(FrameWriter.TEXT, HELLO, false, 0, 0));
        assertArrayEquals(bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f), FrameWriter.message(FrameWriter.TEXT, HELLO, false, 3, 0));
        assertArrayEquals(bytes(0x82, 0x7E, 0x01, 0x00), Arrays.copyOf(FrameWriter.message(FrameWriter.BINARY, new byte[256], false, 0, 0), 4));
        assertArrayEquals(bytes(0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0), Arrays.copyOf(FrameWriter.message(FrameWriter.BINARY, new byte[65536], false, 0, 0), 10));
    }

    static Stream<Arguments> producerAndParser() {
        return Library.withCodec().stream().flatMap(a -> Library.withCodec().stream()
                .filter(b -> TestLibraries.isSelected(a) || TestLibraries.isSelected(b)).map(b -> Arguments.of(a, b)));
    }

    /** Frames masked by each library parse, in every library's server, to the exact payload; at the length-encoding boundaries too. */
    @ParameterizedTest(name = "made by {0}, parsed by {1}", allowZeroInvocations = true)
    @MethodSource("producerAndParser")
    void everyLibraryParsesEveryLibrarysFrames(Library producer, Library parser) throws Exception {
        FrameCodec codec = producer.newCodec();
        for (int size : new int[] {0, 1, 125, 126, 127, 256, 8192, 65535, 65536, 100000}) {
            byte[] payload = Frames.random(size, size);
            MaskedFrame out = codec.encodeMasked(ByteBuffer.wrap(payload.clone()));
            byte[] wire;
            if (out.payloadOffset() == 0) {
                // Undertow masks the payload only: its header (FIN + binary, minimal length, key) is written separately.
                int key = out.maskKey();
                wire = concat(lengthHeader(size), bytes(key >>> 24, key >>> 16, key >>> 8, key),
                        Frames.bytes(out.bytes(), out.bytes().position(), size));
            } else {
                ByteBuffer b = out.bytes();
                wire = Frames.bytes(b, b.position(), b.remaining());
            }
            Frames.Parsed p = Frames.parse(parser.newCodec().newParser(Side.SERVER), List.of(wire));
            assertArrayEquals(payload, p.payload(), producer + " -> " + parser + " size " + size);
        }
    }

    /** A masked binary header with the minimal length encoding for {@code size}. */
    private static byte[] lengthHeader(int size) {
        if (size <= 125) {
            return bytes(0x82, 0x80 | size);
        }
        if (size <= 0xFFFF) {
            return bytes(0x82, 0x80 | 126, size >>> 8, size);
        }
        return bytes(0x82, 0x80 | 127, 0, 0, 0, 0, size >>> 24, size >>> 16, size >>> 8, size);
    }

    static Stream<Arguments> everyShape() {
        return TestLibraries.codecs().stream().flatMap(c -> Stream.of(InputShape.values()).flatMap(s ->
                Stream.of(Side.values()).flatMap(side -> Stream.of(MessageType.values()).map(t -> Arguments.of(c, s, side, t)))));
    }

    /** Whole, fragmented and chopped messages, both sides, binary and text, at the benchmark sizes. */
    @ParameterizedTest(name = "{0} {1} {2} {3}", allowZeroInvocations = true)
    @MethodSource("everyShape")
    void parsesEveryShape(Library type, InputShape shape, Side side, MessageType messageType) throws Exception {
        FrameParser parser = type.newCodec().newParser(side);
        for (int size : PayloadSizes.ALL) {
            byte[] payload = Message.of(messageType, size).bytes();
            int opcode = messageType == MessageType.TEXT ? FrameWriter.TEXT : FrameWriter.BINARY;
            // twice through the same parser: its state must be clean after a complete message
            for (int round = 0; round < 2; round++) {
                Frames.Parsed p = Frames.parse(parser, shape.reads(opcode, payload, side.expectsMaskedFrames(), size + round));
                assertArrayEquals(payload, p.payload(), type + " " + shape + " " + side + " " + messageType + " size " + size);
                assertEquals(opcode, p.opcodes().get(0));
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
