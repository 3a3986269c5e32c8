package dev.wsbench.frames;

/** Undertow's frame-reading path over an in-memory connection (see {@link #create}). */
final class UndertowFrameParser {
    private UndertowFrameParser() {
    }

    static FrameParser create(Side side) {
        throw new UnsupportedOperationException("Undertow parsing is not available yet");
    }
}
