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

    /** Receives each data frame: its opcode (1 text, 2 binary, 0 continuation), FIN, and payload. */
    interface PayloadSink {
        void frame(int opcode, boolean fin, ByteBuffer payload);
    }
}
