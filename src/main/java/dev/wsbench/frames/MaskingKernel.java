package dev.wsbench.frames;

import java.nio.ByteBuffer;

/**
 * What the hardware allows, beside the libraries' masking: each writes {@code src} into
 * {@code dst}, XORed with the 4-byte key (except {@link #COPY}), using absolute indexes so that
 * neither buffer's position moves. Heap and direct buffers take the same code path.
 */
public enum MaskingKernel {
    /** A plain copy of the same bytes: the memory-bandwidth ceiling for any masking that writes a new buffer. */
    COPY {
        @Override
        public void apply(ByteBuffer src, ByteBuffer dst, int mask) {
            dst.put(dst.position(), src, src.position(), src.remaining());
        }
    },
    /** One byte at a time, as a naive implementation (and Undertow's Masker) does. */
    XOR_BYTE {
        @Override
        public void apply(ByteBuffer src, ByteBuffer dst, int mask) {
            xorBytes(src, dst, mask, 0);
        }
    },
    /** Eight bytes at a time (big-endian longs, the key repeated twice), then a byte tail. */
    XOR_LONG {
        @Override
        public void apply(ByteBuffer src, ByteBuffer dst, int mask) {
            int s = src.position();
            int d = dst.position();
            int n = src.remaining();
            long key8 = ((long) mask << 32) | (mask & 0xFFFF_FFFFL);
            int i = 0;
            for (int end = n - 7; i < end; i += 8) {
                dst.putLong(d + i, src.getLong(s + i) ^ key8);
            }
            xorBytes(src, dst, mask, i);
        }
    },
    /** The Vector API ({@code jdk.incubator.vector}) at the platform's preferred width, then a byte tail. */
    XOR_VECTOR {
        @Override
        public void apply(ByteBuffer src, ByteBuffer dst, int mask) {
            VectorXor.apply(src, dst, mask);
        }
    };

    /**
     * Writes {@code src[position, limit)} masked with {@code mask} (big-endian key bytes) into
     * {@code dst} starting at its position; neither position changes.
     */
    public abstract void apply(ByteBuffer src, ByteBuffer dst, int mask);

    /** Masks payload bytes {@code from} to the end one at a time: all of XOR_BYTE, the tail of the others. */
    static void xorBytes(ByteBuffer src, ByteBuffer dst, int mask, int from) {
        int s = src.position();
        int d = dst.position();
        int n = src.remaining();
        for (int i = from; i < n; i++) {
            dst.put(d + i, (byte) (src.get(s + i) ^ (mask >>> (24 - 8 * (i & 3)))));
        }
    }
}
