package dev.wsbench.frames;

/**
 * A library rejected a frame. The message is its reaction in one line: the close code it would
 * send where it has one, and its exception type and message.
 */
public final class FrameRejectedException extends Exception {
    public FrameRejectedException(int closeCode, Throwable cause) {
        super((closeCode > 0 ? "close " + closeCode + ": " : "") + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + firstLine(cause.getMessage()) + ")"), cause);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
