package dev.wsbench.library.javawebsocket;

import dev.wsbench.frames.FrameCodec;
import dev.wsbench.frames.FrameParser;
import dev.wsbench.frames.FrameRejectedException;
import dev.wsbench.frames.MaskedFrame;
import dev.wsbench.frames.Side;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.Handshakedata;

/**
 * Java-WebSocket's {@code Draft_6455}, through its public API.
 *
 * <p>Masking: {@code createFrames(payload, true)} then {@code createBinaryFrame}, exactly what
 * {@code WebSocketImpl.send} does in the client role (a {@code SecureRandom} key per frame, a byte
 * loop, a new buffer per frame).
 *
 * <p>Parsing: {@code translateFrame} per read (it keeps an incomplete frame between reads and
 * copies the payload), then {@code processFrame} on a {@code WebSocketImpl} with a listener that
 * discards messages, as the connection does: that is where Java-WebSocket checks continuation
 * sequencing and turns text into a {@code String}. Reads must be heap buffers.
 */
public final class JavaWebSocketFrameCodec implements FrameCodec {
    private final Draft_6455 clientDraft = new Draft_6455();
    private final MaskedFrame result = new MaskedFrame();

    public JavaWebSocketFrameCodec() {
        clientDraft.setParseMode(Role.CLIENT);
    }

    @Override
    public MaskedFrame encodeMasked(ByteBuffer payload) {
        List<Framedata> frames = clientDraft.createFrames(payload.duplicate(), true);
        ByteBuffer frame = clientDraft.createBinaryFrame(frames.get(0));
        int headerLength = frame.remaining() - payload.remaining();
        return result.set(frame, headerLength, frame.getInt(frame.position() + headerLength - 4));
    }

    @Override
    public FrameParser newParser(Side side) {
        Draft_6455 draft = new Draft_6455();
        draft.setParseMode(side == Side.SERVER ? Role.SERVER : Role.CLIENT);
        WebSocketImpl connection = new WebSocketImpl(new DiscardingListener(), draft);
        return (reads, sink) -> {
            try {
                for (ByteBuffer read : reads) {
                    for (Framedata frame : draft.translateFrame(read)) {
                        Opcode op = frame.getOpcode();
                        if (op == Opcode.TEXT || op == Opcode.BINARY || op == Opcode.CONTINUOUS) {
                            // before processFrame, which consumes the payload of continuation frames as it aggregates
                            sink.frame(op == Opcode.TEXT ? 1 : op == Opcode.BINARY ? 2 : 0, frame.isFin(), frame.getPayloadData());
                        }
                        draft.processFrame(connection, frame);
                    }
                }
            } catch (InvalidDataException e) {
                throw new FrameRejectedException(e.getCloseCode(), e);
            } catch (RuntimeException e) {
                throw new FrameRejectedException(0, e);
            }
        };
    }

    /** Stands in for the server or client that would receive the messages. */
    private static final class DiscardingListener extends WebSocketAdapter {
        @Override
        public void onWebsocketMessage(WebSocket conn, String message) {
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
        }

        @Override
        public void onWebsocketOpen(WebSocket conn, Handshakedata d) {
        }

        @Override
        public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) {
        }

        @Override
        public void onWebsocketError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onWriteDemand(WebSocket conn) {
        }

        @Override
        public InetSocketAddress getLocalSocketAddress(WebSocket conn) {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
            return null;
        }

        /** The connection would answer with a pong; there is no peer here. */
        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
        }

        @Override
        public void onWebsocketHandshakeSentAsClient(WebSocket conn, ClientHandshake request) {
        }
    }
}
