package dev.wsbench.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency distributions that JMH cannot take itself: one-way push latency, open-loop latency from
 * the intended send time, per-connection round trips under the asynchronous load. Values are
 * recorded (from any thread) into an HdrHistogram {@link Recorder}, 1 ns to 1 minute at 3
 * significant digits; only what is recorded during measurement iterations counts.
 *
 * <p>At the end of a trial {@link #report} prints p50, p90, p99, p99.9 and max (µs) and, when
 * {@code -Dwsbench.latencyFile=FILE} is set (the launcher sets it beside the JSON result file),
 * appends one {@link LatencyRecord} per trial to FILE as a JSON line. JMH's own aux counters are not used for percentiles
 * because JMH sums or averages them over iterations, which is wrong for a percentile.
 */
public final class LatencyLog {
    public static final String FILE_PROPERTY = "wsbench.latencyFile";
    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(1);

    private final Recorder recorder = new Recorder(1, HIGHEST, 3);
    private final Histogram measured = new Histogram(1, HIGHEST, 3);
    private Histogram interval;

    /** Records one latency in nanoseconds (values above one minute count as one minute). */
    public void record(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(HIGHEST, nanos)));
    }

    /** Drops what was recorded so far (call at the start of every iteration). */
    public void startIteration() {
        interval = recorder.getIntervalHistogram(interval);
    }

    /** Ends an iteration; a measurement iteration's values are kept for the report. */
    public void endIteration(boolean measurement) {
        interval = recorder.getIntervalHistogram(interval);
        if (measurement) {
            measured.add(interval);
        }
    }

    public Histogram measured() {
        return measured;
    }

    /** The measured distribution's percentiles, in microseconds. */
    public LatencyPercentiles percentiles() {
        return LatencyPercentiles.of(measured);
    }

    /**
     * Fills {@code record} with the measured distribution (percentiles and the encoded histogram,
     * so that a reader can merge forks exactly), prints it and appends it to the latency file if
     * one is set.
     */
    public void report(LatencyRecord record) {
        record.withPercentiles(percentiles());
        record.histogram = encodedHistogram();
        String json = record.toJson();
        System.out.println("wsbench latency: " + json);
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null && !file.isEmpty()) {
            try {
                Path path = Path.of(file);
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append the latency record to " + file + " (-D" + FILE_PROPERTY + "): " + e.getMessage(), e);
            }
        }
    }

    /**
     * The measured histogram, compressed and Base64-encoded (HdrHistogram's own encoding), so that a
     * reader can merge several forks' distributions exactly instead of averaging their percentiles.
     */
    public String encodedHistogram() {
        ByteBuffer buffer = ByteBuffer.allocate(measured.getNeededByteBufferCapacity());
        int length = measured.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** The inverse of {@link #encodedHistogram()}; fails with {@link IllegalArgumentException} on bad input. */
    public static Histogram decodeHistogram(String encoded) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), HIGHEST);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
        }
    }

}
