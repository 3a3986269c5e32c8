package dev.wsbench.payload;

/** An echo came back different from what was sent: the run is wrong and must fail. */
public final class EchoMismatchException extends RuntimeException {
    public EchoMismatchException(String message) {
        super(message);
    }
}
