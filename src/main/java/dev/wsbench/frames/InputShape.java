package dev.wsbench.frames;

import java.util.List;

/**
 * How a message reaches a parser: as one frame in one read, as fragments (Autobahn cases 9.3/9.4
 * send messages in fragments of 64 B to 4 MiB), or as one frame chopped into reads of 64 to 2048
 * bytes (Autobahn 9.5/9.6 chop frames into small writes).
 */
public enum InputShape {
    WHOLE(0, 0, 0),
    FRAGMENTS_64(64, 0, 0),
    FRAGMENTS_1K(1024, 0, 0),
    FRAGMENTS_16K(16 * 1024, 0, 0),
    READS_64_TO_2048(0, 64, 2048);

    private final int fragmentSize;
    private final int minRead;
    private final int maxRead;

    InputShape(int fragmentSize, int minRead, int maxRead) {
        this.fragmentSize = fragmentSize;
        this.minRead = minRead;
        this.maxRead = maxRead;
    }

    /** The wire bytes of one message in this shape, as successive reads. Deterministic for a seed. */
    public List<byte[]> reads(int opcode, byte[] payload, boolean masked, long seed) {
        byte[] wire = FrameWriter.message(opcode, payload, masked, fragmentSize, seed);
        return FrameWriter.reads(wire, minRead, maxRead, seed);
    }
}
