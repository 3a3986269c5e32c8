package dev.wsbench.client;

import dev.wsbench.payload.Message;
import dev.wsbench.payload.ReceivedMessage;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * One open WebSocket connection that sends a message and waits for its echo. One instance per
 * benchmark thread; not thread-safe. Implementations use their library's own client code and
 * defaults, except for the size limits and the settings the README lists.
 */
public interface EchoClient extends AutoCloseable {

    /**
     * Sends {@code message} and blocks until the echo has arrived in full.
     *
     * @return the echo; valid until the next call (it is reused)
     * @throws TimeoutException if no complete echo arrives within {@link dev.wsbench.Settings#TIMEOUT}
     * @throws IOException if the connection fails or the peer closes it
     */
    ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException;

    /** Closes the connection and stops every thread the client started. */
    @Override
    void close() throws Exception;
}
