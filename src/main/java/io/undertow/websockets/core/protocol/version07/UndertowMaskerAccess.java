package io.undertow.websockets.core.protocol.version07;

/**
 * Reaches Undertow's {@link Masker}, whose constructor is package-private, from the benchmark
 * harness. It lives in Undertow's package on the class path (the undertow-core jar is neither
 * sealed nor a named module), and does nothing but construct the masker Undertow itself uses.
 */
public final class UndertowMaskerAccess {
    private UndertowMaskerAccess() {
    }

    /** Undertow's masker for {@code maskingKey} (big-endian key bytes, as on the wire). */
    public static Masker newMasker(int maskingKey) {
        return new Masker(maskingKey);
    }
}
