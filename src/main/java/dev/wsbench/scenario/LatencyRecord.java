package dev.wsbench.scenario;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial's latency distribution, as one line of a run's {@code .latency.jsonl}: written by
 * {@link LatencyLog#report}, read back by {@code results.ScenarioSummary}. The field names are the
 * JSON keys, so writer and reader cannot disagree about them; fields a scenario does not use stay
 * null and are left out of the line. Its own distribution's count and percentiles are the inherited
 * fields, at the top level of the line.
 */
public final class LatencyRecord extends LatencyPercentiles {
    private static final Gson GSON = new Gson();

    /** The benchmark method, fully qualified. */
    public String benchmark;
    /** What was measured, e.g. "one-way push latency". */
    public String metric;
    /** The trial's JMH parameters. */
    public Map<String, String> params = new LinkedHashMap<>();

    /** The measured histogram, encoded ({@link LatencyLog#encodedHistogram()}), so forks merge exactly. */
    public String histogram;
    /** Open loop: how late the sender was against its schedule (p50Us..maxUs of that distribution). */
    public LatencyPercentiles senderLag;

    /** Connection scaling: the connections asked for and held, failed connects, errors, the first error. */
    public Integer connectionsRequested;
    public Long connectionsHeld;
    public Long connectErrors;
    public Long errors;
    public String firstError;

    /** Set by a reader that merged several forks' records into this one: how many. */
    public Integer forks;
    /** Set by a reader when the merged percentiles are each the worst fork's (no histograms to merge exactly). */
    public String percentiles;

    /** Sets count and percentiles from {@code p}. */
    public LatencyRecord withPercentiles(LatencyPercentiles p) {
        count = p.count;
        p50Us = p.p50Us;
        p90Us = p.p90Us;
        p99Us = p.p99Us;
        p999Us = p.p999Us;
        maxUs = p.maxUs;
        return this;
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * One line of a latency file.
     *
     * @throws IllegalArgumentException when it is not a record (not JSON, or no benchmark, metric or params)
     */
    public static LatencyRecord fromJson(String line) {
        LatencyRecord r;
        try {
            r = GSON.fromJson(line, LatencyRecord.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (r == null || r.benchmark == null || r.metric == null || r.params == null) {
            throw new IllegalArgumentException("not a latency record (it needs benchmark, metric and params)");
        }
        return r;
    }

    /** A copy (for merging without touching the originals). */
    public LatencyRecord copy() {
        return fromJson(toJson());
    }
}
