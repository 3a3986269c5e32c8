package dev.wsbench.library.undertow;

import dev.wsbench.LibraryLogging;
import dev.wsbench.frames.FrameParser;
import dev.wsbench.frames.FrameRejectedException;
import dev.wsbench.frames.FrameWriter;
import dev.wsbench.frames.Side;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.protocol.framed.AbstractFramedChannel;
import io.undertow.util.ReferenceCountedPooled;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketException;
import io.undertow.websockets.core.WebSocketFrameType;
import io.undertow.websockets.core.protocol.version07.WebSocket07Channel;
import io.undertow.websockets.extensions.NoopExtensionFunction;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.HashSet;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * Undertow's real frame-reading path, over {@link MemoryStreamConnection}: a
 * {@code WebSocket07Channel} (the RFC 6455 channel Undertow's server and client use) reads the
 * offered bytes through its {@code receive()} (header parsing and validation in its frame header
 * state machine, 16 KiB pooled direct read buffers as the server's default), and each message is
 * read from the {@code StreamSourceFrameChannel} it returns (unmasking with {@code Masker}, UTF-8
 * checking with {@code UTF8Checker} for text), into a 16 KiB buffer of the caller's, as an
 * application reads it. Continuation frames are delivered through the message's first channel, so
 * the sink sees message pieces as they are read rather than frame boundaries.
 */
final class UndertowFrameParser implements FrameParser {
    static {
        LibraryLogging.routeJBossLoggingToSlf4j();
    }

    /** One XNIO worker for all parsers: its I/O thread is only named to Undertow, never given work. */
    private static final class SharedWorker {
        static final XnioWorker WORKER = createWorker();

        private static XnioWorker createWorker() {
            try {
                return Xnio.getInstance(WebSocket07Channel.class.getClassLoader()).createWorker(OptionMap.builder()
                        .set(Options.WORKER_IO_THREADS, 1)
                        .set(Options.WORKER_TASK_CORE_THREADS, 1)
                        .set(Options.WORKER_TASK_MAX_THREADS, 1)
                        .set(Options.THREAD_DAEMON, true)
                        .set(Options.WORKER_NAME, "undertow-frame-parser")
                        .getMap());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the XNIO worker Undertow's channel needs", e);
            }
        }
    }

    private final MemoryStreamConnection connection;
    private final WebSocket07Channel channel;
    private final ByteBuffer appBuffer = ByteBuffer.allocate(16 * 1024);
    private StreamSourceFrameChannel current;
    private boolean firstPiece;

    private UndertowFrameParser(Side side) {
        connection = new MemoryStreamConnection(SharedWorker.WORKER.getIoThread());
        channel = new WebSocket07Channel(connection, new DefaultByteBufferPool(true, 16 * 1024), "ws://memory/echo", null,
                side == Side.CLIENT, false, NoopExtensionFunction.INSTANCE, new HashSet<>(), OptionMap.EMPTY);
    }

    static FrameParser create(Side side) {
        return new UndertowFrameParser(side);
    }

    /** Undertow's channel reads from the connection into its pooled buffer: that is the one copy per read. */
    @Override
    public boolean copiesReadsIntoOwnBuffers() {
        return true;
    }

    /** Bytes the connection has copied into Undertow's buffers (for the test that there is one copy per read byte). */
    long bytesCopied() {
        return connection.bytesCopied();
    }

    @Override
    public void parse(ByteBuffer[] reads, PayloadSink sink) throws FrameRejectedException {
        try {
            for (ByteBuffer read : reads) {
                connection.offer(read);
                pump(sink);
            }
        } catch (IOException | RuntimeException e) {
            // receive() wraps Undertow's own WebSocketException in an IOException: report the real one.
            // Undertow's exceptions carry no close code; its receive listener picks one when it closes.
            Throwable reported = e.getClass() == IOException.class && e.getCause() instanceof WebSocketException
                    ? e.getCause() : e;
            throw new FrameRejectedException(0, reported);
        }
    }

    /**
     * Lets Undertow consume everything offered so far, handing message bytes to {@code sink} as they
     * are read, as its read listener would: {@code receive()} for the next frame, then reads from
     * that frame's channel; it stops at the first call that makes no progress (no frame, no data, no
     * input consumed), which is where a real connection would wait for the next network read.
     */
    private void pump(PayloadSink sink) throws IOException {
        while (true) {
            long before = connection.unreadBytes();
            int bufferedBefore = bufferedInChannel();
            boolean progress = false;
            if (current == null) {
                StreamSourceFrameChannel next = channel.receive();
                if (next != null) {
                    WebSocketFrameType type = next.getType();
                    if (type == WebSocketFrameType.TEXT || type == WebSocketFrameType.BINARY) {
                        current = next;
                        firstPiece = true;
                    } else {
                        drainControl(next);
                    }
                    progress = true;
                }
            } else {
                int n = readCurrent(sink);
                if (n == -1) {
                    current.close();
                    current = null;
                    progress = true;
                } else if (n > 0) {
                    progress = true;
                } else {
                    // The message needs more bytes: let the channel read (or route the next
                    // continuation frame) for it, then read again; the pair is one listener call.
                    channel.receive();
                    n = readCurrent(sink);
                    if (n == -1) {
                        current.close();
                        current = null;
                    }
                    progress = n != 0;
                }
            }
            if (!progress && connection.unreadBytes() == before && bufferedInChannel() == bufferedBefore) {
                return;
            }
        }
    }

    /** Reads what the current message has buffered; returns bytes read, 0, or -1 at its end. */
    private int readCurrent(PayloadSink sink) throws IOException {
        int total = 0;
        while (true) {
            appBuffer.clear();
            int n = current.read(appBuffer);
            if (n <= 0) {
                if (n == -1) {
                    sink.frame(firstPiece ? opcode(current) : 0, true, ByteBuffer.allocate(0));
                    return -1;
                }
                return total;
            }
            appBuffer.flip();
            sink.frame(firstPiece ? opcode(current) : 0, false, appBuffer);
            firstPiece = false;
            total += n;
        }
    }

    /**
     * Bytes Undertow holds in its channel's read buffer, not yet parsed. A {@code receive()} call
     * that parses a frame header out of that buffer consumes no input and returns nothing, yet is
     * progress; this is how the pump sees it (read reflectively: Undertow does not expose it).
     */
    private int bufferedInChannel() {
        try {
            ReferenceCountedPooled pooled = (ReferenceCountedPooled) READ_DATA.get(channel);
            return pooled == null || pooled.isFreed() ? -1 : pooled.getBuffer().remaining();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Field READ_DATA = readDataField();

    private static Field readDataField() {
        try {
            Field f = AbstractFramedChannel.class.getDeclaredField("readData");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this Undertow has no AbstractFramedChannel.readData; the parsing harness needs updating", e);
        }
    }

    private static int opcode(StreamSourceFrameChannel channel) {
        return channel.getType() == WebSocketFrameType.TEXT ? FrameWriter.TEXT : FrameWriter.BINARY;
    }

    private static void drainControl(StreamSourceFrameChannel control) throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate(128);
        while (control.read(scratch) > 0) {
            scratch.clear();
        }
        control.close();
    }
}
