package dev.wsbench.client;

import java.io.IOException;

/** The server did not complete a valid RFC 6455 opening handshake. */
public final class HandshakeException extends IOException {
    public HandshakeException(String message) {
        super(message);
    }
}
