package dev.wsbench.jmh;

import dev.wsbench.Timings;
import dev.wsbench.library.Library;
import dev.wsbench.frames.FrameParser;
import dev.wsbench.frames.FrameRejectedException;
import dev.wsbench.frames.FrameWriter;
import dev.wsbench.frames.InputShape;
import dev.wsbench.frames.Side;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frame parsing, no I/O: one message handed to a library's parser as network reads, every data frame
 * taken out. {@code side=SERVER} parses masked client frames (unmasking included), {@code CLIENT}
 * unmasked server frames; {@code type=TEXT} includes the library's UTF-8 validation; {@code shape}
 * is one frame, fragments of 64 B / 1 KiB / 16 KiB, or one frame in reads of 64 to 2048 bytes. The
 * input is made by the suite's own neutral {@code FrameWriter}.
 *
 * <p>Each operation first copies the prepared reads into fresh buffers, because parsers consume
 * their input (Jetty and Netty unmask it in place) as they would a network read; that copy stands
 * for the kernel's copy into the library's read buffer, and {@code inputCopy} measures it alone.
 * Undertow reads from its connection into its own pooled buffers, which is that copy already, so it
 * is given the prepared bytes as they are: every library pays one copy per read byte. Each operation checks the decoded byte count; each
 * iteration starts by checking the decoded payload byte for byte. Excludes sockets and threads.
 *
 * <pre>
 * mvn jmh:run -Djmh.args="ParsingBenchmark"
 * mvn jmh:run -Djmh.args="ParsingBenchmark -p side=SERVER,CLIENT -p type=BINARY,TEXT -p shape=WHOLE,FRAGMENTS_1K,READS_64_TO_2048"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = Timings.CODEC_WARMUP_ITERATIONS, time = Timings.CODEC_WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Timings.CODEC_ITERATIONS, time = Timings.CODEC_ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class ParsingBenchmark extends JmhDefaults {

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    @Param("SERVER")
    Side side;

    @Param("BINARY")
    MessageType type;

    @Param("WHOLE")
    InputShape shape;

    byte[] payload;
    byte[][] wireReads;
    ByteBuffer[] reads;
    ByteBuffer[] wireViews;

    @Setup
    public void prepare() {
        payload = Message.of(type, size).bytes();
        List<byte[]> r = shape.reads(type == MessageType.TEXT ? FrameWriter.TEXT : FrameWriter.BINARY, payload,
                side.expectsMaskedFrames(), size);
        wireReads = r.toArray(new byte[0][]);
        reads = new ByteBuffer[wireReads.length];
        wireViews = new ByteBuffer[wireReads.length];
        for (int i = 0; i < reads.length; i++) {
            reads[i] = ByteBuffer.allocate(wireReads[i].length);
            wireViews[i] = ByteBuffer.wrap(wireReads[i]).asReadOnlyBuffer();
        }
    }

    /**
     * The prepared reads as they are (positions reset, no copy), for a parser that copies each read
     * into buffers of its own ({@link FrameParser#copiesReadsIntoOwnBuffers()}: Undertow).
     */
    ByteBuffer[] wireReads() {
        for (ByteBuffer view : wireViews) {
            view.clear();
        }
        return wireViews;
    }

    /** Fresh copies of the prepared reads, as a connection's fills would give the parser. */
    ByteBuffer[] freshReads() {
        for (int i = 0; i < reads.length; i++) {
            reads[i].clear();
            reads[i].put(wireReads[i]).flip();
        }
        return reads;
    }

    /** What one operation gives {@code parser}: one copy of the wire bytes per read, whoever makes it. */
    ByteBuffer[] input(FrameParser parser) {
        return parser.copiesReadsIntoOwnBuffers() ? wireReads() : freshReads();
    }

    @State(Scope.Thread)
    public static class LibraryCodec {
        @Param // the launcher gives every library with a codec (Library.withCodec()) unless -p library= says
        Library library;

        FrameParser parser;
        final Counter counter = new Counter();

        @Setup
        public void create(ParsingBenchmark benchmark) {
            parser = library.newCodec().newParser(benchmark.side);
        }

        /** Outside the timed path: one full parse whose payload must equal the message, byte for byte. */
        @Setup(Level.Iteration)
        public void verify(ParsingBenchmark benchmark) throws FrameRejectedException {
            byte[] decoded = new byte[benchmark.size];
            int[] at = {0};
            parser.parse(benchmark.input(parser), (opcode, fin, data) -> {
                int n = Math.min(data.remaining(), decoded.length - at[0]);
                data.duplicate().get(decoded, at[0], n);
                at[0] += data.remaining();
            });
            if (at[0] != benchmark.size || !Arrays.equals(decoded, benchmark.payload)) {
                throw new IllegalStateException(library + " parsed " + at[0] + " bytes that differ from the " + benchmark.size
                        + "-byte " + benchmark.type + " message sent (side=" + benchmark.side + ", shape=" + benchmark.shape + ")");
            }
        }
    }

    /** Sums what the parser delivered, so the work cannot be optimised away, and lets each operation check the count. */
    static final class Counter implements FrameParser.PayloadSink {
        long bytes;
        int firstBytes;

        @Override
        public void frame(int opcode, boolean fin, ByteBuffer data) {
            int n = data.remaining();
            bytes += n;
            if (n > 0) {
                firstBytes += data.get(data.position());
            }
        }
    }

    @Benchmark
    public long parse(LibraryCodec state) throws FrameRejectedException {
        Counter counter = state.counter;
        counter.bytes = 0;
        state.parser.parse(input(state.parser), counter);
        if (counter.bytes != size) {
            throw new IllegalStateException(state.library + " delivered " + counter.bytes + " payload bytes, expected " + size);
        }
        return counter.bytes + counter.firstBytes;
    }

    /** The per-operation input copy alone (included in {@code parse}). */
    @Benchmark
    public ByteBuffer[] inputCopy() {
        return freshReads();
    }
}
