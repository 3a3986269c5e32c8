package dev.wsbench.frames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Masking with the Vector API. A class of its own so that only it needs
 * {@code --add-modules jdk.incubator.vector}; the suite passes that flag to the compiler, the
 * tests and the forked benchmark JVMs.
 *
 * <p>Heap buffers are read and written through their arrays ({@code fromArray}/{@code intoArray}):
 * on JDK 17 the {@code ByteBuffer} forms go through bounds and scope checks per vector that the
 * JIT does not remove for heap buffers, which held this kernel to about 0.4 of a plain copy.
 * The key is broadcast once as ints (four key bytes per lane, in memory order), and the loop does
 * two vectors per step so that loads of the next vector overlap the XOR and store of this one.
 * Four per step was tried and rejected: in one fork of three its larger loop was compiled without
 * the Vector API calls inlined (boxed vectors, 20 times slower); two per step was not, in six forks.
 */
final class VectorXor {
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INT_SPECIES = IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorXor() {
    }

    static void apply(ByteBuffer src, ByteBuffer dst, int mask) {
        int n = src.remaining();
        // The key repeated across the vector: broadcast it as ints whose memory order is the key's byte order.
        int keyInt = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(mask) : mask;
        ByteVector key = IntVector.broadcast(INT_SPECIES, keyInt).reinterpretAsBytes();
        int i;
        if (src.hasArray() && dst.hasArray() && !dst.isReadOnly()) {
            i = arrays(src.array(), src.arrayOffset() + src.position(), dst.array(), dst.arrayOffset() + dst.position(), n, key);
        } else {
            i = buffers(src, dst, n, key);
        }
        MaskingKernel.xorBytes(src, dst, mask, i);
    }

    /** Returns how many bytes were done (a multiple of the vector length); the caller does the tail. */
    private static int arrays(byte[] src, int s, byte[] dst, int d, int n, ByteVector key) {
        int i = 0;
        for (int end = n - 2 * LANES; i <= end; i += 2 * LANES) {
            ByteVector a = ByteVector.fromArray(SPECIES, src, s + i);
            ByteVector b = ByteVector.fromArray(SPECIES, src, s + i + LANES);
            a.lanewise(VectorOperators.XOR, key).intoArray(dst, d + i);
            b.lanewise(VectorOperators.XOR, key).intoArray(dst, d + i + LANES);
        }
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            ByteVector.fromArray(SPECIES, src, s + i).lanewise(VectorOperators.XOR, key).intoArray(dst, d + i);
        }
        return i;
    }

    private static int buffers(ByteBuffer src, ByteBuffer dst, int n, ByteVector key) {
        int s = src.position();
        int d = dst.position();
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            ByteVector.fromByteBuffer(SPECIES, src, s + i, ByteOrder.nativeOrder())
                    .lanewise(VectorOperators.XOR, key)
                    .intoByteBuffer(dst, d + i, ByteOrder.nativeOrder());
        }
        return i;
    }
}
