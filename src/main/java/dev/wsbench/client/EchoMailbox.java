package dev.wsbench.client;

import dev.wsbench.Settings;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands an echo from a library's I/O thread to the waiting benchmark thread. One message is in
 * flight per connection, so a volatile flag and park/unpark suffice; no queue, no allocation.
 *
 * <p>The I/O thread copies the payload into a harness-owned buffer (one memory copy per echo)
 * because libraries reuse or release their buffers once the callback returns.
 */
public final class EchoMailbox {
    private final ReceivedMessage message = new ReceivedMessage();
    private volatile boolean ready;
    private volatile Thread waiter;
    private volatile Throwable failure;

    /** Called by the benchmark thread before it sends. */
    public void expect() {
        ready = false;
        waiter = Thread.currentThread();
    }

    /** Access for I/O threads that assemble a message in parts; call {@link #complete()} when done. */
    public ReceivedMessage message() {
        return message;
    }

    public void deliver(MessageType type, ByteBuffer payload) {
        message.begin(type);
        message.append(payload);
        complete();
    }

    public void deliverString(String text) {
        message.setString(MessageType.TEXT, text);
        complete();
    }

    public void complete() {
        ready = true;
        LockSupport.unpark(waiter);
    }

    /** The connection failed or was closed: wake the waiter with the cause. */
    public void fail(Throwable cause) {
        failure = cause;
        LockSupport.unpark(waiter);
    }

    public ReceivedMessage await() throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
        while (!ready) {
            Throwable f = failure;
            if (f != null) {
                throw new IOException("connection failed: " + f, f);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no echo within " + Settings.TIMEOUT.toMillis() + " ms");
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return message;
    }
}
