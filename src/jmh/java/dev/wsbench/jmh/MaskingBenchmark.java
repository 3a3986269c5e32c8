package dev.wsbench.jmh;

import dev.wsbench.Timings;
import dev.wsbench.library.Library;
import dev.wsbench.frames.BufferKind;
import dev.wsbench.frames.FrameCodec;
import dev.wsbench.frames.MaskedFrame;
import dev.wsbench.frames.MaskingKernel;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client-side frame masking, no I/O. {@code library}: each library's own path that turns a payload
 * into masked bytes (Netty {@code WebSocket08FrameEncoder}, Jetty {@code Generator}, Java-WebSocket
 * {@code Draft_6455.createBinaryFrame}: header plus masked copy in a new or reused buffer, key
 * generation included; Undertow {@code Masker}: in place, no header, no copy). {@code limit}: what
 * the hardware allows for the same bytes — a plain copy (the memory-bandwidth ceiling), byte, long
 * and Vector API XOR, each writing a masked copy with a fresh key per operation.
 *
 * <p>Time per operation; the summary printed after {@code mvn jmh:run} adds bytes per second and the
 * fraction of the copy ceiling; {@code -prof gc} adds bytes allocated per operation. Excludes
 * sockets, threads, and (for Undertow) the header. Correctness of every path is in {@code MaskingTest}.
 *
 * <pre>
 * mvn jmh:run -Djmh.args="MaskingBenchmark -prof gc"
 * mvn jmh:run -Djmh.args="MaskingBenchmark -p buffer=HEAP,DIRECT -p size=100000"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = Timings.CODEC_WARMUP_ITERATIONS, time = Timings.CODEC_WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Timings.CODEC_ITERATIONS, time = Timings.CODEC_ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class MaskingBenchmark extends JmhDefaults {

    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    @Param("HEAP")
    BufferKind buffer;

    ByteBuffer payload;

    @Setup
    public void payload() {
        payload = buffer.copyOf(Message.of(MessageType.BINARY, size).bytes());
    }

    @State(Scope.Thread)
    public static class LibraryCodec {
        @Param // the launcher gives every library with a codec (Library.withCodec()) unless -p library= says
        Library library;

        FrameCodec codec;

        @Setup
        public void create() {
            codec = library.newCodec();
        }
    }

    @State(Scope.Thread)
    public static class Limit {
        @Param
        MaskingKernel kernel;

        ByteBuffer output;
        int key = 0x5EED;

        @Setup
        public void create(MaskingBenchmark benchmark) {
            output = benchmark.buffer.allocate(benchmark.size);
        }

        /** A new key per frame, as the libraries draw one; a cheap LCG, not part of what is compared. */
        int nextKey() {
            key = key * 1_103_515_245 + 12_345;
            return key;
        }
    }

    @Benchmark
    public MaskedFrame library(LibraryCodec state) {
        return state.codec.encodeMasked(payload);
    }

    @Benchmark
    public ByteBuffer limit(Limit state) {
        state.kernel.apply(payload, state.output, state.nextKey());
        return state.output;
    }
}
