package dev.wsbench.frames;

import dev.wsbench.Settings;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.Behavior;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Configuration;
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
 * session does, then {@code Generator.generateWholeFrame} writes header and masked payload into an
 * output buffer of the payload's kind (heap or direct), as Jetty's flusher does.
 *
 * <p>Parsing: {@code Parser.parse} per read, then what {@code WebSocketCoreSession} does with every
 * incoming frame — {@code FrameValidation.assertValidIncoming} (mask versus role, RSV bits versus
 * negotiated extensions, close codes) and {@code FrameSequence.check} — and for text messages Jetty's
 * {@code Utf8StringBuilder} used as its {@code StringMessageSink} does (append every fragment, then
 * {@code takeCompleteString}, which fails with {@code BadPayloadException} on any coding error). The parser unmasks its input in place: each read must be a fresh copy,
 * which a connection's fill provides and {@code ParsingBenchmark} measures separately. Maximum frame
 * size raised to {@link Settings#MAX_MESSAGE_BYTES} and auto-fragmentation off, so whole frames
 * arrive whole.
 */
final class JettyFrameCodec implements FrameCodec {
    private final Generator generator = new Generator();
    private final byte[] mask = new byte[4];
    private final MaskedFrame result = new MaskedFrame();
    private ByteBuffer output;

    @Override
    public MaskedFrame encodeMasked(ByteBuffer payload) {
        int capacity = payload.remaining() + Generator.MAX_HEADER_LENGTH;
        if (output == null || output.capacity() < capacity || output.isDirect() != payload.isDirect()) {
            output = payload.isDirect() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        }
        BufferUtil.clear(output);
        ThreadLocalRandom.current().nextBytes(mask);
        Frame frame = new Frame(OpCode.BINARY, true, payload.duplicate());
        frame.setMask(mask);
        generator.generateWholeFrame(frame, output);
        int headerLength = output.remaining() - payload.remaining();
        return result.set(output, headerLength, output.getInt(output.position() + headerLength - 4));
    }

    @Override
    public FrameParser newParser(Side side) {
        Configuration.ConfigurationCustomizer config = new Configuration.ConfigurationCustomizer();
        config.setMaxFrameSize(Settings.MAX_MESSAGE_BYTES);
        config.setMaxBinaryMessageSize(Settings.MAX_MESSAGE_BYTES);
        config.setMaxTextMessageSize(Settings.MAX_MESSAGE_BYTES);
        config.setAutoFragment(false);
        Parser parser = new Parser(ByteBufferPool.NON_POOLING, config);
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
            setAutoFragment(false);
        }

        @Override
        public Behavior getBehavior() {
            return behavior;
        }
    }
}
