package dev.wsbench.placement;

/** A placement that cannot be applied here; the message says why and what to do. */
public final class PlacementException extends RuntimeException {
    public PlacementException(String message) {
        super(message);
    }
}
