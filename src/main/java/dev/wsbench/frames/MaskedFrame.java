package dev.wsbench.frames;

import java.nio.ByteBuffer;

/**
 * What a library's masking path produced: its output bytes, where the masked payload starts in
 * them, and the 4-byte key it used (big-endian). Reused by each codec, so producing it allocates
 * nothing of its own; valid until the codec's next call.
 */
public final class MaskedFrame {
    private ByteBuffer bytes;
    private int payloadOffset;
    private int maskKey;

    public MaskedFrame set(ByteBuffer bytes, int payloadOffset, int maskKey) {
        this.bytes = bytes;
        this.payloadOffset = payloadOffset;
        this.maskKey = maskKey;
        return this;
    }

    /** Output bytes from position to limit: a whole frame, or only the payload for in-place maskers. */
    public ByteBuffer bytes() {
        return bytes;
    }

    /** Offset of the masked payload within {@link #bytes()}, relative to its position. */
    public int payloadOffset() {
        return payloadOffset;
    }

    public int maskKey() {
        return maskKey;
    }
}
