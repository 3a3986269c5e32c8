package dev.wsbench.library.undertow;

import dev.wsbench.frames.FrameCodec;
import dev.wsbench.frames.FrameParser;
import dev.wsbench.frames.MaskedFrame;
import dev.wsbench.frames.Side;
import io.undertow.websockets.core.protocol.version07.Masker;
import io.undertow.websockets.core.protocol.version07.UndertowMaskerAccess;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Undertow's {@code Masker} ({@code io.undertow.websockets.core.protocol.version07}), which its
 * frame sink channels apply to outgoing payload bytes in place, one byte at a time, just before they
 * are written; the header is written separately and is not part of this measurement. Here the key
 * is a fresh random int per frame, as Undertow's client draws it.
 *
 * <p>Masking in place means a second call on the same buffer unmasks it again: callers that need
 * the original bytes pass a copy.
 */
public final class UndertowFrameCodec implements FrameCodec {
    private final MaskedFrame result = new MaskedFrame();

    @Override
    public MaskedFrame encodeMasked(ByteBuffer payload) {
        int key = ThreadLocalRandom.current().nextInt();
        Masker masker = UndertowMaskerAccess.newMasker(key);
        masker.beforeWrite(payload, payload.position(), payload.remaining());
        return result.set(payload, 0, key);
    }

    @Override
    public FrameParser newParser(Side side) {
        return UndertowFrameParser.create(side);
    }
}
