package dev.wsbench.frames;

import dev.wsbench.Settings;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.CloseException;
import org.eclipse.jetty.websocket.core.internal.FrameSequence;
import org.eclipse.jetty.websocket.core.internal.Generator;
import org.eclipse.jetty.websocket.core.internal.Parser;

/**
 * Jetty 12's websocket-core {@code Generator} and {@code Parser} (package {@code internal}, the
 * same in 12.0 and 12.1).
 *
 * <p>Masking: a 4-byte key from {@code ThreadLocalRandom} set on the frame, as Jetty's client
 * session does, then {@code Generator.generateWholeFrame} writes header and masked payload into an
 * output buffer of the payload's kind (heap or direct), as Jetty's flusher does.
 *
 * <p>Parsing: {@code Parser.parse} per read, then {@code FrameSequence.check} as the session does for
 * every incoming frame, the session's mask-versus-role check, {@code CloseStatus} validation of
 * close frames, and for text messages Jetty's {@code Utf8StringBuilder} with errors reported (its
 * text message sink). The parser unmasks its input in place: each read must be a fresh copy,
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
        FrameSequence sequence = new FrameSequence();
        Utf8StringBuilder text = new Utf8StringBuilder(CodingErrorAction.REPORT, CodingErrorAction.REPORT);
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
                            deliver(side, frame, sequence, text, inText, sink);
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

    private static void deliver(Side side, Frame.Parsed frame, FrameSequence sequence, Utf8StringBuilder text,
                                boolean[] inText, FrameParser.PayloadSink sink) {
        // WebSocketCoreSession checks the mask against its role for every incoming frame.
        if (frame.isMasked() != side.expectsMaskedFrames()) {
            throw new org.eclipse.jetty.websocket.core.exception.ProtocolException(
                    side == Side.SERVER ? "Client MUST mask all frames (RFC-6455: Section 5.1)" : "Server MUST NOT mask any frames (RFC-6455: Section 5.1)");
        }
        sequence.check(frame.getOpCode(), frame.isFin());
        byte opcode = frame.getOpCode();
        if (opcode == OpCode.CLOSE) {
            new CloseStatus(frame.getPayload()); // validates length and code, as the session does
            return;
        }
        if (!frame.isDataFrame()) {
            return;
        }
        if (opcode == OpCode.TEXT || (opcode == OpCode.CONTINUATION && inText[0])) {
            text.append(frame.getPayload().slice());
            if (text.hasCodingErrors()) {
                throw new BadPayloadException("Invalid UTF-8");
            }
            inText[0] = !frame.isFin();
            if (frame.isFin()) {
                if (!text.isComplete()) {
                    throw new BadPayloadException("Incomplete UTF-8 sequence at end of message");
                }
                text.toCompleteString();
                text.reset();
            }
        }
        sink.frame(opcode, frame.isFin(), frame.getPayload());
    }
}
