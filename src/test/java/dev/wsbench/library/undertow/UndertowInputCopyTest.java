package dev.wsbench.library.undertow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsbench.TestLibraries;
import dev.wsbench.frames.FrameWriter;
import dev.wsbench.frames.InputShape;
import dev.wsbench.frames.Side;
import dev.wsbench.library.Library;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Undertow parsing harness adds no copy the other libraries do not get: it is given the wire
 * bytes as they are (read-only, no per-operation copy), and its in-memory connection copies each
 * wire byte exactly once into Undertow's pooled buffers, the copy a socket read makes. Every other
 * library is given one fresh copy of the reads and parses it in place.
 */
class UndertowInputCopyTest {

    @BeforeAll
    static void onlyWhenUndertowIsSelected() {
        assumeTrue(TestLibraries.isSelected(Library.UNDERTOW), "-D" + TestLibraries.PROPERTY + " leaves Undertow out");
    }

    @ParameterizedTest
    @EnumSource(InputShape.class)
    void eachWireByteIsCopiedOnceAndTheInputIsNotTouched(InputShape shape) throws Exception {
        for (int size : new int[] {256, 100000}) {
            byte[] payload = Message.of(MessageType.BINARY, size).bytes();
            List<byte[]> wire = shape.reads(FrameWriter.BINARY, payload, true, size);
            UndertowFrameParser parser = (UndertowFrameParser) UndertowFrameParser.create(Side.SERVER);
            assertTrue(parser.copiesReadsIntoOwnBuffers());
            long wireBytes = 0;
            ByteBuffer[] reads = new ByteBuffer[wire.size()];
            for (int i = 0; i < reads.length; i++) {
                reads[i] = ByteBuffer.wrap(wire.get(i)).asReadOnlyBuffer(); // a write into the input would throw
                wireBytes += wire.get(i).length;
            }
            for (int op = 0; op < 3; op++) {
                for (ByteBuffer r : reads) {
                    r.clear();
                }
                long before = parser.bytesCopied();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                parser.parse(reads, (opcode, fin, data) -> {
                    byte[] b = new byte[data.remaining()];
                    data.duplicate().get(b);
                    out.write(b, 0, b.length);
                });
                assertArrayEquals(payload, out.toByteArray(), shape + " " + size);
                assertEquals(wireBytes, parser.bytesCopied() - before, shape + " " + size + ": bytes copied into Undertow per operation");
            }
        }
    }
}
