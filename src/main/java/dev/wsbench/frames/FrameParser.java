package dev.wsbench.frames;

import java.nio.ByteBuffer;

/** A library's frame parser, fed the way a connection would feed it: one buffer per network read. */
public interface FrameParser {

    /**
     * Gives the library {@code reads} in order, each as one network read (their positions move or
     * their bytes may be unmasked in place, as the library does with its read buffers), and reports
     * each data frame it produces, in order.
     *
     * @throws FrameRejectedException when the library rejects the input; the message says how
     */
    void parse(ByteBuffer[] reads, PayloadSink sink) throws FrameRejectedException;

    /**
     * Whether this parser copies each read into buffers of its own before it parses (Undertow reads
     * from its connection into pooled buffers; on a socket that copy is the kernel's read). Such a
     * parser is given the prepared wire bytes as they are, with no per-operation copy first, so that
     * it pays one copy per read like every other library, not two. It must not modify {@code reads}.
     */
    default boolean copiesReadsIntoOwnBuffers() {
        return false;
    }

    /** Receives each data frame: its opcode (1 text, 2 binary, 0 continuation), FIN, and payload. */
    interface PayloadSink {
        void frame(int opcode, boolean fin, ByteBuffer payload);
    }
}
