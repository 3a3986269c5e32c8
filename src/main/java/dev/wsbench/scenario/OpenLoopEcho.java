package dev.wsbench.scenario;

import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.ReceivedMessage;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop echo (wrk2's constant rate): a sender thread sends message i at
 * {@code start + i / rate} whether or not earlier echoes have come back; a receiver thread reads
 * the echoes in order, checks each one byte for byte (sequence stamp included), and records its
 * latency from the <em>intended</em> send time, so a stalled server is charged for every message
 * that should have been sent during the stall (no coordinated omission). When the sender falls
 * behind it sends at once, without skipping.
 *
 * <p>One schedule from {@link #start()} to {@link #close()}: it does not pause between JMH
 * iterations (both threads are the harness's own, not JMH's), so a backlog built under overload
 * carries over and latency grows for as long as the overload lasts. {@link #recordOutstanding()}
 * charges the messages due but not yet echoed at the end of the measurement with the time they
 * have waited so far (a lower bound), so the worst messages are never left out.
 *
 * <p>A second distribution, sender lag ({@code actual send - intended send}), tells whether the
 * client kept its schedule: when it did not (starved of CPU, or the socket pushed back), the
 * latency figure is not the server's alone.
 *
 * <p>The sender thread writes and the receiver thread reads the same socket, which is safe because
 * the servers never send pings (the only frames the client would answer from the reading side).
 */
public final class OpenLoopEcho implements AutoCloseable {
    private final ReferenceEchoClient client;
    private final Message outgoing;
    private final Message expected;
    private final long intervalNanos;
    private final LatencyLog latency;
    private final LatencyLog senderLag;
    private final String context;
    private final Thread sender;
    private final Thread receiver;
    /** Echoes whose latency is recorded (or, after {@link #recordOutstanding()}, accounted for). */
    private final AtomicLong accounted = new AtomicLong();

    private volatile long scheduleStart;
    private volatile long sent;
    private volatile long received;
    private volatile Exception failure;
    /** How the receiver's last read ended after {@link #close()} began (the close frame, end of stream, a timeout). */
    private volatile Exception receiverEnd;
    private volatile boolean closed;
    private volatile Thread waiter;
    private volatile long waitingFor = Long.MAX_VALUE;

    public OpenLoopEcho(URI uri, Message message, int ratePerSecond, LatencyLog latency, LatencyLog senderLag, String context) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException(context + ": rate must be > 0 messages per second, got " + ratePerSecond);
        }
        this.outgoing = message.copy();
        this.expected = message;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.latency = latency;
        this.senderLag = senderLag;
        this.context = context;
        try {
            client = ReferenceEchoClient.connect(uri);
        } catch (Exception e) {
            throw ScenarioFailedException.of(context + ": cannot connect to " + uri, e);
        }
        sender = new Thread(this::sendLoop, "open-loop-sender");
        sender.setDaemon(true);
        receiver = new Thread(this::receiveLoop, "open-loop-receiver");
        receiver.setDaemon(true);
    }

    /** Starts the schedule now; it runs until {@link #close()}. */
    public void start() {
        scheduleStart = System.nanoTime();
        receiver.start();
        sender.start();
    }

    /** Echoes received and checked so far. */
    public long received() {
        return received;
    }

    /**
     * Blocks until at least {@code target} echoes have been received. Fails, naming the scenario,
     * when the sender or receiver failed or when no echo arrives within the timeout.
     */
    public void awaitReceived(long target) {
        waitingFor = target;
        waiter = Thread.currentThread();
        try {
            long last = received;
            long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
            while (received < target) {
                checkFailure();
                long now = System.nanoTime();
                if (received != last) {
                    last = received;
                    deadline = now + Settings.TIMEOUT.toNanos();
                } else if (now > deadline) {
                    throw new ScenarioFailedException(context + ": no echo for " + Settings.TIMEOUT.toMillis() + " ms (" + sent
                            + " sent, " + received + " received; raise the limit with -Dwsbench.timeoutMs=...)");
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
            }
            checkFailure();
        } finally {
            waiter = null;
            waitingFor = Long.MAX_VALUE;
        }
    }

    /**
     * Records, for every message due by now whose echo has not arrived, the time it has waited so
     * far; later echoes of those messages are not recorded again. Call once, at the end of the last
     * measurement iteration, before its histogram is closed.
     */
    public void recordOutstanding() {
        long now = System.nanoTime();
        long due = Math.max(0, (now - scheduleStart) / intervalNanos + 1);
        long from = accounted.getAndUpdate(v -> Math.max(v, due));
        for (long i = from; i < due; i++) {
            latency.record(now - intended(i));
        }
    }

    private long intended(long index) {
        return scheduleStart + index * intervalNanos;
    }

    private void checkFailure() {
        Exception f = failure;
        if (f != null) {
            throw ScenarioFailedException.of(context + " (" + sent + " sent, " + received + " received)", f);
        }
    }

    private void receiveLoop() {
        try {
            while (true) { // until the server's close frame (or any failure) ends the read
                long index = received;
                ReceivedMessage echo = client.receive();
                long arrived = System.nanoTime();
                expected.verify(echo, index + 1, context + " (echo " + index + ")");
                if (accounted.compareAndSet(index, index + 1)) {
                    latency.record(arrived - intended(index));
                }
                received = index + 1;
                if (index + 1 >= waitingFor) {
                    LockSupport.unpark(waiter);
                }
            }
        } catch (Exception e) {
            if (!closed) {
                failure = e;
                LockSupport.unpark(waiter);
            } else {
                receiverEnd = e;
            }
        }
    }

    private void sendLoop() {
        try {
            while (!closed) {
                long index = sent;
                long intended = intended(index);
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue; // re-check: parking may end early
                }
                outgoing.next();
                byte[] bytes = outgoing.bytes();
                long at = System.nanoTime();
                client.send(outgoing.type(), bytes, bytes.length);
                senderLag.record(at - intended);
                sent = index + 1;
            }
        } catch (Exception e) {
            if (!closed) {
                failure = e;
                LockSupport.unpark(waiter);
            }
        }
    }

    /**
     * Stops the schedule and performs the closing handshake: the sender stops, a close frame goes
     * out, the receiver reads the echoes still on their way and then the server's close frame. A
     * server that does not answer within the timeout fails the close, naming the scenario.
     */
    @Override
    public void close() throws Exception {
        closed = true;
        LockSupport.unpark(sender);
        try {
            sender.join(Settings.TIMEOUT.toMillis());
            if (sender.isAlive()) {
                throw new ScenarioFailedException(context + ": the sender did not stop within " + Settings.TIMEOUT.toMillis()
                        + " ms (a write blocked: the server stopped reading)");
            }
            if (receiver.isAlive()) {
                client.sendClose();
                receiver.join(Settings.TIMEOUT.toMillis() + 1000); // its read times out after TIMEOUT
                if (receiver.isAlive() || receiverEnd instanceof TimeoutException) {
                    throw new ScenarioFailedException(context + ": no close frame from the server within " + Settings.TIMEOUT.toMillis() + " ms");
                }
            }
        } finally {
            client.abort(); // the handshake is over (or failed): release the socket
        }
    }
}
