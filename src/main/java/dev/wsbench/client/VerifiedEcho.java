package dev.wsbench.client;

import dev.wsbench.payload.Message;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * One connection and one message: a round trip that is always checked. Benchmarks call
 * {@link #roundTrip()}; any failure becomes an {@link EchoFailedException} whose message names
 * server, client, size and type (a wrong echo throws {@link dev.wsbench.payload.EchoMismatchException}),
 * so that JMH (with {@code -foe true}) fails the run with a readable
 * cause instead of a bare timeout.
 */
public final class VerifiedEcho implements AutoCloseable {
    private final EchoClient client;
    private final Message message;
    private final String context;

    public VerifiedEcho(EchoClient client, Message message, String context) {
        this.client = client;
        this.message = message;
        this.context = context;
    }

    /** A description such as {@code server=NETTY client=REFERENCE size=256 type=BINARY}. */
    public static String describe(Object server, Object client, int size, Object type) {
        return "server=" + server + " client=" + client + " size=" + size + " type=" + type;
    }

    /**
     * Stamps the next sequence number into the message, sends it, waits for the echo and checks it
     * byte for byte, stamp included (so a stale or repeated echo fails); returns its length.
     */
    public int roundTrip() {
        ReceivedMessage echo;
        message.next();
        try {
            echo = client.roundTrip(message);
        } catch (TimeoutException e) {
            throw new EchoFailedException(context + ": " + e.getMessage()
                    + " (raise the limit with -Dwsbench.timeoutMs=...)", e);
        } catch (IOException e) {
            throw new EchoFailedException(context + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EchoFailedException(context + ": interrupted while waiting for the echo", e);
        }
        message.verify(echo, context);
        EchoCalibration.afterRoundTrip();
        return echo.length();
    }

    public Message message() {
        return message;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** A round trip that did not complete, or whose echo was wrong. */
    public static final class EchoFailedException extends RuntimeException {
        EchoFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
