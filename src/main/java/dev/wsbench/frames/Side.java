package dev.wsbench.frames;

/**
 * Which end of a connection parses. A server parses frames from clients, which RFC 6455 requires
 * to be masked; a client parses unmasked frames from servers.
 */
public enum Side {
    SERVER(true),
    CLIENT(false);

    private final boolean expectsMaskedFrames;

    Side(boolean expectsMaskedFrames) {
        this.expectsMaskedFrames = expectsMaskedFrames;
    }

    public boolean expectsMaskedFrames() {
        return expectsMaskedFrames;
    }
}
