package dev.wsbench.library.jetty;

import dev.wsbench.Settings;
import dev.wsbench.frames.FrameCodec;
import dev.wsbench.frames.FrameParser;
import dev.wsbench.frames.FrameRejectedException;
import dev.wsbench.frames.MaskedFrame;
import dev.wsbench.frames.Side;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.Behavior;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.CloseException;
import org.eclipse.jetty.websocket.core.internal.FrameSequence;
import org.eclipse.jetty.websocket.core.internal.Generator;
import org.eclipse.jetty.websocket.core.internal.Parser;
import org.eclipse.jetty.websocket.core.util.FrameValidation;

/**
 * Jetty 12's websocket-core {@code Generator} and {@code Parser} (package {@code internal}, the
 * same in 12.0 and 12.1).
 *
 * <p>Masking: a 4-byte key from {@code ThreadLocalRandom} set on the frame, as Jetty's client
 * session does, then what {@code FrameFlusher} does for an unbatched frame: header and masked
 * payload generated into two direct buffers from an {@code ArrayByteBufferPool} (Jetty's client
 * writes from direct buffers by default), released after use (see {@link #encodeMasked}).
 *
 * <p>Parsing: {@code Parser.parse} per read, then what {@code WebSocketCoreSession} does with every
 * incoming frame — {@code FrameValidation.assertValidIncoming} (mask versus role, RSV bits versus
 * negotiated extensions, close codes) and {@code FrameSequence.check} — and for text messages Jetty's
 * {@code Utf8StringBuilder} used as its {@code StringMessageSink} does (append every fragment, then
 * {@code takeCompleteString}, which fails with {@code BadPayloadException} on any coding error). The parser unmasks its input in place: each read must be a fresh copy,
 * which a connection's fill provides and {@code ParsingBenchmark} measures separately. Configured as
 * the suite's Jetty server is: maximum frame and message sizes raised to
 * {@link Settings#MAX_MESSAGE_BYTES}, everything else Jetty's default (auto-fragmentation on, a
 * pooling {@code ArrayByteBufferPool}).
 */
public final class JettyFrameCodec implements FrameCodec {
    private final Generator generator = new Generator();
    /**
     * Jetty's {@code HttpClient} (under its WebSocket client) writes from direct buffers by default
     * ({@code isUseOutputDirectByteBuffers()}), whatever kind the payload is.
     */
    private static final boolean OUTPUT_DIRECT = true;
    /**
     * A pool like the one Jetty's client draws its buffers from ({@code ArrayByteBufferPool}
     * defaults: buffers up to 64 KiB are pooled; a larger one, such as a 100000-byte masked payload,
     * is allocated for the frame and dropped after it, as in Jetty).
     */
    private final ByteBufferPool pool = new ArrayByteBufferPool();
    private final byte[] mask = new byte[4];
    private final MaskedFrame result = new MaskedFrame();
    private RetainableByteBuffer header;
    private RetainableByteBuffer masked;

    /**
     * What Jetty's {@code FrameFlusher} does with a data frame sent without batching (the API's
     * default): the header into a pooled header buffer ({@code generateHeader}), the payload masked
     * into a pooled buffer of the payload's size ({@code generatePayload}), both released once
     * written (here: at the next call). The result is the masked payload; the header is generated
     * and timed too.
     */
    @Override
    public MaskedFrame encodeMasked(ByteBuffer payload) {
        release();
        ThreadLocalRandom.current().nextBytes(mask);
        Frame frame = new Frame(OpCode.BINARY, true, payload.duplicate());
        frame.setMask(mask);
        header = acquire(pool, Generator.MAX_HEADER_LENGTH);
        generator.generateHeader(frame, header.getByteBuffer());
        masked = acquire(pool, payload.remaining());
        ByteBuffer out = masked.getByteBuffer();
        generator.generatePayload(frame, out);
        return result.set(out, 0, ((mask[0] & 0xFF) << 24) | ((mask[1] & 0xFF) << 16) | ((mask[2] & 0xFF) << 8) | (mask[3] & 0xFF));
    }

    /**
     * {@code ByteBufferPool.acquire(int, boolean)} returns {@code RetainableByteBuffer} in Jetty 12.0
     * and {@code RetainableByteBuffer.Mutable} in 12.1: called through a handle typed with the
     * common supertype, so one build runs against both lines.
     */
    private static final MethodHandle ACQUIRE = acquireHandle();

    private static MethodHandle acquireHandle() {
        try {
            Class<?> returned = ByteBufferPool.class.getMethod("acquire", int.class, boolean.class).getReturnType();
            return MethodHandles.publicLookup()
                    .findVirtual(ByteBufferPool.class, "acquire", MethodType.methodType(returned, int.class, boolean.class))
                    .asType(MethodType.methodType(RetainableByteBuffer.class, ByteBufferPool.class, int.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Jetty has no ByteBufferPool.acquire(int, boolean)", e);
        }
    }

    private static RetainableByteBuffer acquire(ByteBufferPool pool, int size) {
        try {
            return (RetainableByteBuffer) ACQUIRE.invokeExact(pool, size, OUTPUT_DIRECT);
        } catch (Throwable e) {
            throw new IllegalStateException("Jetty's pool failed to give a buffer of " + size + " bytes", e);
        }
    }

    private void release() {
        if (header != null) {
            header.release();
            masked.release();
            header = null;
            masked = null;
        }
    }

    @Override
    public FrameParser newParser(Side side) {
        Configuration.ConfigurationCustomizer config = new Configuration.ConfigurationCustomizer();
        config.setMaxFrameSize(Settings.MAX_MESSAGE_BYTES);
        config.setMaxBinaryMessageSize(Settings.MAX_MESSAGE_BYTES);
        config.setMaxTextMessageSize(Settings.MAX_MESSAGE_BYTES);
        // Auto-fragmentation stays on (Jetty's default): a frame split over reads is delivered in
        // pieces as its bytes arrive instead of being aggregated; buffers from a pool like a connector's.
        Parser parser = new Parser(new ArrayByteBufferPool(), config);
        CoreSession session = new Session(side, config.getMaxFrameSize());
        FrameSequence sequence = new FrameSequence();
        Utf8StringBuilder text = new Utf8StringBuilder(1024);
        boolean[] inText = new boolean[1];
        return (reads, sink) -> {
            try {
                for (ByteBuffer read : reads) {
                    while (read.hasRemaining()) {
                        Frame.Parsed frame = parser.parse(read);
                        if (frame == null) {
                            break; // needs more bytes: the next read
                        }
                        try {
                            deliver(session, frame, sequence, text, inText, sink);
                        } finally {
                            frame.close();
                        }
                    }
                }
            } catch (CloseException e) {
                throw new FrameRejectedException(e.getStatusCode(), e);
            } catch (RuntimeException e) {
                throw new FrameRejectedException(0, e);
            }
        };
    }

    /** What WebSocketCoreSession does with each parsed frame before it reaches the message sinks. */
    private static void deliver(CoreSession session, Frame.Parsed frame, FrameSequence sequence, Utf8StringBuilder text,
                                boolean[] inText, FrameParser.PayloadSink sink) {
        FrameValidation.assertValidIncoming(frame, session); // mask vs role, RSV vs extensions, close codes
        sequence.check(frame.getOpCode(), frame.isFin());
        byte opcode = frame.getOpCode();
        if (!frame.isDataFrame()) {
            return;
        }
        if (opcode == OpCode.TEXT || (opcode == OpCode.CONTINUATION && inText[0])) {
            // StringMessageSink: append every fragment, then take the string, failing on any coding error.
            text.append(frame.getPayload().slice());
            inText[0] = !frame.isFin();
            if (frame.isFin()) {
                text.takeCompleteString(() -> new BadPayloadException("Invalid UTF-8"));
            }
        }
        sink.frame(opcode, frame.isFin(), frame.getPayload());
    }

    /** The session facts FrameValidation asks for: the role, no extensions (no RSV bit in use), the frame size limit. */
    private static final class Session extends CoreSession.Empty {
        private final Behavior behavior;

        Session(Side side, long maxFrameSize) {
            this.behavior = side == Side.SERVER ? Behavior.SERVER : Behavior.CLIENT;
            setMaxFrameSize(maxFrameSize);
        }

        @Override
        public Behavior getBehavior() {
            return behavior;
        }
    }
}
