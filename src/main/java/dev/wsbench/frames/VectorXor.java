package dev.wsbench.frames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Masking with the Vector API. A class of its own so that only it needs
 * {@code --add-modules jdk.incubator.vector}; the suite passes that flag to the compiler, the
 * tests and the forked benchmark JVMs.
 */
final class VectorXor {
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INT_SPECIES = IntVector.SPECIES_PREFERRED;

    private VectorXor() {
    }

    static void apply(ByteBuffer src, ByteBuffer dst, int mask) {
        int s = src.position();
        int d = dst.position();
        int n = src.remaining();
        // The key repeated across the vector: broadcast it as ints whose memory order is the key's byte order.
        int keyInt = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(mask) : mask;
        ByteVector key = IntVector.broadcast(INT_SPECIES, keyInt).reinterpretAsBytes();
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += SPECIES.length()) {
            ByteVector.fromByteBuffer(SPECIES, src, s + i, ByteOrder.nativeOrder())
                    .lanewise(jdk.incubator.vector.VectorOperators.XOR, key)
                    .intoByteBuffer(dst, d + i, ByteOrder.nativeOrder());
        }
        MaskingKernel.xorBytes(src, dst, mask, i);
    }
}
