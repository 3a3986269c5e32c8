package dev.wsbench.library.undertow;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;
import org.xnio.conduits.WriteReadyHandler;

/**
 * An XNIO {@code StreamConnection} backed by memory, so that Undertow's real frame-reading path can
 * run without a socket: reads return the buffers {@link #offer offered}, in order, then 0 ("nothing
 * to read yet"); writes (a close frame Undertow may send) are discarded. Nothing here
 * blocks or schedules: the caller drives Undertow's {@code receive()} itself. The I/O thread is only
 * reported to Undertow, never used to run anything.
 */
final class MemoryStreamConnection extends StreamConnection {
    private final Source source = new Source();
    private final Sink sink = new Sink();

    MemoryStreamConnection(XnioIoThread thread) {
        super(thread);
        setSourceConduit(source);
        setSinkConduit(sink);
    }

    /** Bytes copied out of offered reads so far: a socket's read would copy exactly these, once. */
    private long bytesCopied;

    /**
     * Makes {@code read}'s remaining bytes the next thing the connection reads. The buffer is neither
     * copied nor modified: a read-only view of it is queued, and the reader's {@code read} copies out
     * of the view into its own buffer, as a socket read copies out of the kernel.
     */
    void offer(ByteBuffer read) {
        source.queue.add(read.asReadOnlyBuffer());
    }

    long bytesCopied() {
        return bytesCopied;
    }

    long unreadBytes() {
        long n = 0;
        for (ByteBuffer b : source.queue) {
            n += b.remaining();
        }
        return n;
    }

    @Override
    public SocketAddress getPeerAddress() {
        return null;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return null;
    }

    private final class Source implements StreamSourceConduit {
        final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
        boolean shutdown;
        boolean resumed;

        @Override
        public int read(ByteBuffer dst) {
            int n = 0;
            while (dst.hasRemaining() && !queue.isEmpty()) {
                ByteBuffer head = queue.peek();
                int count = Math.min(head.remaining(), dst.remaining());
                dst.put(dst.position(), head, head.position(), count);
                dst.position(dst.position() + count);
                head.position(head.position() + count);
                n += count;
                bytesCopied += count;
                if (!head.hasRemaining()) {
                    queue.poll();
                }
            }
            return n == 0 && shutdown ? -1 : n;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offs, int len) {
            long n = 0;
            for (int i = offs; i < offs + len; i++) {
                n += read(dsts[i]);
            }
            return n;
        }

        @Override
        public long transferTo(long position, long count, FileChannel target) {
            throw new UnsupportedOperationException("memory connection");
        }

        @Override
        public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) {
            throw new UnsupportedOperationException("memory connection");
        }

        @Override
        public void terminateReads() {
            shutdown = true;
        }

        @Override
        public boolean isReadShutdown() {
            return shutdown;
        }

        @Override
        public void resumeReads() {
            resumed = true;
        }

        @Override
        public void suspendReads() {
            resumed = false;
        }

        @Override
        public void wakeupReads() {
            resumed = true;
        }

        @Override
        public boolean isReadResumed() {
            return resumed;
        }

        @Override
        public void awaitReadable() {
        }

        @Override
        public void awaitReadable(long time, TimeUnit timeUnit) {
        }

        @Override
        public XnioIoThread getReadThread() {
            return thread;
        }

        @Override
        public void setReadReadyHandler(ReadReadyHandler handler) {
        }

        @Override
        public XnioWorker getWorker() {
            return thread.getWorker();
        }
    }

    private final class Sink implements StreamSinkConduit {
        boolean shutdown;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offs, int len) {
            long n = 0;
            for (int i = offs; i < offs + len; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public int writeFinal(ByteBuffer src) {
            int n = write(src);
            shutdown = true;
            return n;
        }

        @Override
        public long writeFinal(ByteBuffer[] srcs, int offs, int len) {
            long n = write(srcs, offs, len);
            shutdown = true;
            return n;
        }

        @Override
        public long transferFrom(FileChannel src, long position, long count) {
            throw new UnsupportedOperationException("memory connection");
        }

        @Override
        public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) {
            throw new UnsupportedOperationException("memory connection");
        }

        @Override
        public void terminateWrites() {
            shutdown = true;
        }

        @Override
        public boolean isWriteShutdown() {
            return shutdown;
        }

        @Override
        public void resumeWrites() {
        }

        @Override
        public void suspendWrites() {
        }

        @Override
        public void wakeupWrites() {
        }

        @Override
        public boolean isWriteResumed() {
            return false;
        }

        @Override
        public void awaitWritable() {
        }

        @Override
        public void awaitWritable(long time, TimeUnit timeUnit) {
        }

        @Override
        public XnioIoThread getWriteThread() {
            return thread;
        }

        @Override
        public void setWriteReadyHandler(WriteReadyHandler handler) {
        }

        @Override
        public void truncateWrites() {
            shutdown = true;
        }

        @Override
        public boolean flush() {
            return true;
        }

        @Override
        public XnioWorker getWorker() {
            return thread.getWorker();
        }
    }
}
