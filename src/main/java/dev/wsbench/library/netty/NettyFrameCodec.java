package dev.wsbench.library.netty;

import dev.wsbench.Settings;
import dev.wsbench.frames.FrameCodec;
import dev.wsbench.frames.FrameParser;
import dev.wsbench.frames.FrameRejectedException;
import dev.wsbench.frames.MaskedFrame;
import dev.wsbench.frames.Side;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Netty's {@code WebSocket08FrameEncoder} (masking on) and {@code WebSocket08FrameDecoder} followed
 * by {@code Utf8FrameValidator}, as the WebSocket protocol handlers assemble them.
 * The encoder's {@code encode} is called directly with the context of an {@link EmbeddedChannel}
 * (as netty's microbench drives it), so no pipeline traversal is timed; the decoder is fed through
 * an {@code EmbeddedChannel} so that its real cumulation of partial reads is included. Decoder
 * configuration as the server/client protocol handlers build it: masked frames expected on the
 * server side only, UTF-8 validation on, close on protocol violation, extensions off, and the
 * payload limit raised to {@link Settings#MAX_MESSAGE_BYTES}.
 */
public final class NettyFrameCodec implements FrameCodec {
    private final ExposedEncoder encoder = new ExposedEncoder();
    private final EmbeddedChannel encoderChannel = new EmbeddedChannel(encoder);
    private final ChannelHandlerContext encoderContext = encoderChannel.pipeline().context(encoder);
    private final List<Object> encoded = new ArrayList<>(2);
    private final MaskedFrame result = new MaskedFrame();
    private ByteBuf lastOutput;

    @Override
    public MaskedFrame encodeMasked(ByteBuffer payload) {
        if (lastOutput != null) {
            lastOutput.release();
            lastOutput = null;
        }
        WebSocketFrame frame = new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload.duplicate()));
        try {
            encoder.encodeFrame(encoderContext, frame, encoded);
        } catch (Exception e) {
            throw new IllegalStateException("Netty encoder failed", e);
        } finally {
            frame.release();
        }
        // With masking on, the encoder writes header and masked payload into one buffer.
        lastOutput = (ByteBuf) encoded.get(0);
        for (int i = 1; i < encoded.size(); i++) {
            ((ByteBuf) encoded.get(i)).release();
        }
        encoded.clear();
        ByteBuffer bytes = lastOutput.nioBuffer();
        int headerLength = bytes.remaining() - payload.remaining();
        int key = headerLength >= 4 ? bytes.getInt(bytes.position() + headerLength - 4) : 0;
        return result.set(bytes, headerLength, key);
    }

    @Override
    public FrameParser newParser(Side side) {
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(side.expectsMaskedFrames())
                .allowMaskMismatch(false)
                .allowExtensions(false)
                .maxFramePayloadLength(Settings.MAX_MESSAGE_BYTES)
                .closeOnProtocolViolation(true)
                .withUTF8Validator(true)
                .build();
        // The protocol handlers put Utf8FrameValidator right after the decoder when UTF-8 validation is on.
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameDecoder(config), new Utf8FrameValidator(true));
        return (reads, sink) -> {
            try {
                for (ByteBuffer read : reads) {
                    channel.writeInbound(Unpooled.wrappedBuffer(read));
                    drain(channel, sink);
                }
                channel.checkException();
            } catch (CorruptedWebSocketFrameException e) {
                throw new FrameRejectedException(e.closeStatus().code(), e);
            } catch (Exception e) {
                throw new FrameRejectedException(0, e);
            }
        };
    }

    private static void drain(EmbeddedChannel channel, FrameParser.PayloadSink sink) {
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            WebSocketFrame frame = (WebSocketFrame) o;
            try {
                int opcode = frame instanceof TextWebSocketFrame ? 1 : frame instanceof BinaryWebSocketFrame ? 2
                        : frame instanceof ContinuationWebSocketFrame ? 0 : -1;
                if (opcode >= 0) {
                    sink.frame(opcode, frame.isFinalFragment(), frame.content().nioBuffer());
                }
            } finally {
                frame.release();
            }
        }
    }

    /** Makes the encoder's protected {@code encode} callable, as netty's own microbench does. */
    private static final class ExposedEncoder extends WebSocket08FrameEncoder {
        ExposedEncoder() {
            super(true);
        }

        void encodeFrame(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) throws Exception {
            encode(ctx, frame, out);
        }
    }
}
