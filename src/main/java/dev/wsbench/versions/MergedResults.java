package dev.wsbench.versions;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * One JMH result file for one side of a comparison: per row, its forks in pair order as one JMH
 * result with that many forks (fork {@code i} of a row ran next to fork {@code i} of the same row in
 * the other side's file). Made from the forks' own JSON: the first fork's entry with {@code forks}
 * set, every metric's {@code rawData} the forks' concatenated, and its score, error, interval and
 * percentiles recomputed over all iterations the way JMH computes them ({@link ListStatistics},
 * 99.9 %), so any JMH tool reads it as a run of that many forks. A metric with a histogram instead
 * of raw data (sample-time mode) keeps its histograms concatenated and the mean of the forks' scores.
 */
final class MergedResults {
    private static final double JMH_CONFIDENCE = 0.999;

    private MergedResults() {
    }

    static void write(Path file, List<List<JsonObject>> forksByRow) {
        JsonArray out = new JsonArray();
        for (List<JsonObject> forks : forksByRow) {
            out.add(merge(forks));
        }
        try {
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static JsonObject merge(List<JsonObject> forks) {
        JsonObject merged = forks.get(0).deepCopy();
        merged.addProperty("forks", forks.size());
        merged.add("primaryMetric", metric(forks.stream().map(f -> f.getAsJsonObject("primaryMetric")).toList()));
        if (merged.has("secondaryMetrics")) {
            JsonObject secondary = new JsonObject();
            for (Map.Entry<String, JsonElement> e : merged.getAsJsonObject("secondaryMetrics").entrySet()) {
                List<JsonObject> each = new ArrayList<>();
                for (JsonObject f : forks) {
                    JsonObject s = f.getAsJsonObject("secondaryMetrics");
                    if (s != null && s.has(e.getKey())) {
                        each.add(s.getAsJsonObject(e.getKey()));
                    }
                }
                secondary.add(e.getKey(), metric(each));
            }
            merged.add("secondaryMetrics", secondary);
        }
        return merged;
    }

    private static JsonObject metric(List<JsonObject> forks) {
        JsonObject m = forks.get(0).deepCopy();
        if (!m.has("rawData")) {
            JsonArray histograms = new JsonArray();
            double sum = 0;
            for (JsonObject f : forks) {
                if (f.has("rawDataHistogram")) {
                    histograms.addAll(f.getAsJsonArray("rawDataHistogram"));
                }
                sum += f.get("score").getAsDouble();
            }
            if (m.has("rawDataHistogram")) {
                m.add("rawDataHistogram", histograms);
            }
            m.addProperty("score", sum / forks.size());
            return m;
        }
        JsonArray raw = new JsonArray();
        List<Double> all = new ArrayList<>();
        for (JsonObject f : forks) {
            for (JsonElement fork : f.getAsJsonArray("rawData")) {
                raw.add(fork);
                fork.getAsJsonArray().forEach(v -> all.add(v.getAsDouble()));
            }
        }
        ListStatistics stats = new ListStatistics(all.stream().mapToDouble(Double::doubleValue).toArray());
        m.add("rawData", raw);
        m.add("score", number(stats.getMean()));
        m.add("scoreError", number(stats.getN() > 2 ? stats.getMeanErrorAt(JMH_CONFIDENCE) : Double.NaN));
        double[] interval = stats.getN() > 2 ? stats.getConfidenceIntervalAt(JMH_CONFIDENCE) : new double[] {Double.NaN, Double.NaN};
        JsonArray confidence = new JsonArray();
        confidence.add(number(interval[0]));
        confidence.add(number(interval[1]));
        m.add("scoreConfidence", confidence);
        if (m.has("scorePercentiles")) {
            JsonObject percentiles = new JsonObject();
            for (String p : m.getAsJsonObject("scorePercentiles").keySet()) {
                percentiles.add(p, number(stats.getPercentile(Double.parseDouble(p))));
            }
            m.add("scorePercentiles", percentiles);
        }
        return m;
    }

    /** JMH writes NaN as the string "NaN"; so does this. */
    private static JsonElement number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? new JsonPrimitive("NaN") : new JsonPrimitive(v);
    }
}
