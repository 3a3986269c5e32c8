package dev.wsbench.frames;

import dev.wsbench.TestLibraries;
import dev.wsbench.library.Library;
import io.undertow.websockets.core.protocol.version07.UndertowMaskerAccess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every library's masking and every masking kernel equals the reference XOR, at every offset that matters. */
class MaskingTest {
    /** Every size from 0 to 140 (all tail lengths around 8- and 32-byte strides) and the benchmark sizes. */
    static int[] sizes() {
        return IntStream.concat(IntStream.rangeClosed(0, 140), IntStream.of(256, 8192, 65535, 65536, 100000)).toArray();
    }

    static Stream<Arguments> codecsAndKinds() {
        return TestLibraries.codecs().stream().flatMap(c -> Stream.of(BufferKind.values()).map(k -> Arguments.of(c, k)));
    }

    @ParameterizedTest(name = "{0} {1}", allowZeroInvocations = true)
    @MethodSource("codecsAndKinds")
    void libraryMaskingEqualsReferenceXor(Library type, BufferKind kind) {
        FrameCodec codec = type.newCodec();
        for (int size : sizes()) {
            byte[] original = Frames.random(size, size);
            ByteBuffer payload = Frames.atOffset(kind, original);
            int position = payload.position();
            MaskedFrame out = codec.encodeMasked(payload);
            String where = type + " " + kind + " size " + size;
            ByteBuffer bytes = out.bytes();
            byte[] masked = Frames.bytes(bytes, bytes.position() + out.payloadOffset(), size);
            assertArrayEquals(Frames.referenceXor(original, out.maskKey()), masked, where);
            if (out.payloadOffset() > 0) { // a whole frame: check its header too
                assertEquals((byte) 0x82, bytes.get(bytes.position()), where + ": FIN + binary");
                int second = bytes.get(bytes.position() + 1) & 0xFF;
                assertEquals(0x80, second & 0x80, where + ": mask bit");
                int expectedLengthCode = size <= 125 ? size : size <= 0xFFFF ? 126 : 127;
                assertEquals(expectedLengthCode, second & 0x7F, where + ": minimal length encoding");
                assertEquals(2 + (expectedLengthCode == 126 ? 2 : expectedLengthCode == 127 ? 8 : 0) + 4, out.payloadOffset(), where);
            }
            if (bytes != payload) {
                assertEquals(position, payload.position(), where + ": payload position untouched");
                assertArrayEquals(original, Frames.bytes(payload, position, size), where + ": payload untouched");
            }
        }
    }

    static Stream<Arguments> kernelsAndKinds() {
        return Stream.of(MaskingKernel.values()).flatMap(m -> Stream.of(BufferKind.values()).map(k -> Arguments.of(m, k)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kernelsAndKinds")
    void kernelsEqualReferenceXor(MaskingKernel kernel, BufferKind kind) {
        SplittableRandom keys = new SplittableRandom(42);
        for (int size : sizes()) {
            byte[] original = Frames.random(size, size);
            int key = keys.nextInt();
            ByteBuffer src = Frames.atOffset(kind, original);
            ByteBuffer dst = kind.allocate(size + 16);
            dst.position(5);
            kernel.apply(src, dst, key);
            byte[] expected = kernel == MaskingKernel.COPY ? original : Frames.referenceXor(original, key);
            assertArrayEquals(expected, Frames.bytes(dst, 5, size), kernel + " " + kind + " size " + size);
            assertEquals(3, src.position());
            assertEquals(5, dst.position());
        }
    }

    @Test
    void rfc6455MaskedHelloExample() {
        // RFC 6455 section 5.7: "Hello" masked with key 37 fa 21 3d
        byte[] hello = "Hello".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = {0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58};
        int key = 0x37fa213d;
        assertArrayEquals(expected, Frames.referenceXor(hello, key));
        for (MaskingKernel kernel : MaskingKernel.values()) {
            if (kernel == MaskingKernel.COPY) {
                continue;
            }
            ByteBuffer dst = ByteBuffer.allocate(5);
            kernel.apply(ByteBuffer.wrap(hello), dst, key);
            assertArrayEquals(expected, dst.array(), kernel.name());
        }
        ByteBuffer inPlace = ByteBuffer.wrap(hello.clone());
        UndertowMaskerAccess.newMasker(key).beforeWrite(inPlace, 0, 5);
        assertArrayEquals(expected, inPlace.array(), "Undertow Masker");
    }
}
