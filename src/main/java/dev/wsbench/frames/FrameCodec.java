package dev.wsbench.frames;

import java.nio.ByteBuffer;

/**
 * One library's frame code, outside any connection: its client-side path that masks an outgoing
 * frame, and its frame parser for either side. Implementations call the library's own classes;
 * they add only what a connection would otherwise supply (a buffer, a pipeline context, a mask
 * key where the library takes one from its session).
 */
public interface FrameCodec {

    /**
     * Masks {@code payload} (from its position to its limit, which do not move) the way the library's
     * client does before sending a binary frame.
     *
     * @return the library's output; valid until the next call on this codec
     */
    MaskedFrame encodeMasked(ByteBuffer payload);

    /** A new parser in the given role; parsers keep state between reads, so use one per connection. */
    FrameParser newParser(Side side);
}
