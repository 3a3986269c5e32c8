import dev.wsbench.frames.*;
import dev.wsbench.library.Library;
import dev.wsbench.payload.*;
import java.nio.ByteBuffer;
import java.util.*;

/** One fork's level against where its buffers lie: ns/op per 250 ms after a warm-up, plus address mod 64 / 4096. */
public class AlignProbe {
    static long addr(ByteBuffer b) {
        return b.isDirect() ? ((sun.nio.ch.DirectBuffer) b).address() + b.position() : -1;
    }
    static long lastAddr;
    public static void main(String[] a) throws Exception {
        Library lib = Library.valueOf(a[0]);
        String kind = a[1];
        int size = Integer.parseInt(a[2]);
        double warm = Double.parseDouble(a[3]);
        byte[] payload = Message.of(MessageType.BINARY, size).bytes();
        Runnable op;
        long[] sum = {0};
        if (kind.equals("parse")) {
            FrameParser parser = lib.newCodec().newParser(Side.SERVER);
            byte[][] wire = InputShape.WHOLE.reads(FrameWriter.BINARY, payload, true, size).toArray(new byte[0][]);
            ByteBuffer[] reads = new ByteBuffer[wire.length];
            for (int i = 0; i < wire.length; i++) reads[i] = ByteBuffer.allocate(wire[i].length);
            FrameParser.PayloadSink sink = (o, f, d) -> { sum[0] += d.remaining(); lastAddr = addr(d); };
            op = () -> {
                for (int i = 0; i < reads.length; i++) { reads[i].clear(); reads[i].put(wire[i]).flip(); }
                try { parser.parse(reads, sink); } catch (FrameRejectedException e) { throw new RuntimeException(e); }
            };
        } else {
            FrameCodec codec = lib.newCodec();
            ByteBuffer p = ByteBuffer.allocate(size); p.put(payload).flip();
            op = () -> { MaskedFrame m = codec.encodeMasked(p); sum[0] += m.bytes().remaining(); lastAddr = addr(m.bytes()) + m.payloadOffset(); };
        }
        long end = System.nanoTime() + (long) (warm * 1e9);
        while (System.nanoTime() < end) op.run();
        StringBuilder sb = new StringBuilder();
        Set<Long> mods = new TreeSet<>();
        double[] its = new double[4];
        for (int it = 0; it < 4; it++) {
            long n = 0, t0 = System.nanoTime(), stop = t0 + 250_000_000L;
            long t;
            do { op.run(); n++; mods.add(lastAddr & 63); } while ((t = System.nanoTime()) < stop);
            its[it] = (t - t0) / (double) n;
        }
        Arrays.sort(its);
        System.out.printf("%s %s %d median_ns=%.0f its=%s addr%%64=%s addr%%4096=%d sum=%d%n", lib, kind, size,
                (its[1] + its[2]) / 2, Arrays.toString(its), mods, lastAddr & 4095, sum[0] & 1);
    }
}
