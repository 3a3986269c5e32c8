package dev.wsbench.scenario;

import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.ReceivedMessage;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop echo (wrk2's constant rate): a sender thread sends message i at
 * {@code start + i / rate} whether or not earlier echoes have come back; the caller reads the
 * echoes in order, checks each one byte for byte, and records its latency from the
 * <em>intended</em> send time, so a stalled server is charged for every message that should have
 * been sent during the stall (no coordinated omission). When the sender falls behind it sends at
 * once, without skipping.
 *
 * <p>One connection (the reference client): the sender thread writes and the reading thread reads
 * the same socket, which is safe because the servers never send pings (the only frames the client
 * would answer from the reading side). A schedule runs between {@link #startSchedule()} and
 * {@link #stopAndDrain()}, so the pauses between JMH iterations are not counted as latency.
 */
public final class OpenLoopEcho implements AutoCloseable {
    private final ReferenceEchoClient client;
    private final Message message;
    private final long intervalNanos;
    private final LatencyLog latency;
    private final String context;
    private final Thread sender;

    private volatile long scheduleStart;
    private volatile boolean sending;
    /** True while the sender may be between its last check of {@code sending} and the end of a send. */
    private volatile boolean senderBusy;
    private volatile long sent;
    private volatile Exception sendFailure;
    private long received;
    private volatile boolean closed;

    public OpenLoopEcho(URI uri, Message message, int ratePerSecond, LatencyLog latency, String context) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException(context + ": rate must be > 0 messages per second, got " + ratePerSecond);
        }
        this.message = message;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.latency = latency;
        this.context = context;
        try {
            client = ReferenceEchoClient.connect(uri);
        } catch (Exception e) {
            throw ScenarioFailedException.of(context + ": cannot connect to " + uri, e);
        }
        sender = new Thread(this::sendLoop, "open-loop-sender");
        sender.setDaemon(true);
        sender.start();
    }

    /** Starts a new schedule now (the previous one must have been drained). */
    public void startSchedule() {
        scheduleStart = System.nanoTime();
        sending = true;
        LockSupport.unpark(sender);
    }

    /** Reads the next echo, checks it and records its latency from its intended send time. */
    public int receive() {
        long index = received;
        ReceivedMessage echo;
        try {
            echo = client.receive();
        } catch (Exception e) {
            Exception failure = sendFailure;
            throw ScenarioFailedException.of(context + " (echo " + index + (failure != null ? ", sender failed: " + failure : "") + ")", e);
        }
        long arrived = System.nanoTime();
        message.verify(echo, context);
        latency.record(arrived - (scheduleStart + index * intervalNanos));
        received = index + 1;
        return echo.length();
    }

    /** Stops sending and reads (and records) every echo still outstanding. */
    public void stopAndDrain() {
        sending = false;
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
        while (senderBusy) { // the message being sent belongs to this schedule
            if (System.nanoTime() > deadline) {
                throw new ScenarioFailedException(context + ": sender still busy after " + Settings.TIMEOUT.toMillis() + " ms");
            }
            Thread.onSpinWait();
        }
        while (received < sent) {
            receive();
        }
        received = 0;
        sent = 0;
    }

    private void sendLoop() {
        byte[] bytes = message.bytes();
        while (!closed) {
            if (!sending) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                continue;
            }
            senderBusy = true;
            try {
                if (!sending) {
                    continue;
                }
                long intended = scheduleStart + sent * intervalNanos;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue; // re-check: parking may end early
                }
                client.send(message.type(), bytes, bytes.length);
                sent = sent + 1;
            } catch (Exception e) {
                sendFailure = e;
                sending = false;
            } finally {
                senderBusy = false;
            }
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        sending = false;
        LockSupport.unpark(sender);
        sender.join(Settings.TIMEOUT.toMillis());
        client.close();
    }
}
