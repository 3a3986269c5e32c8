package dev.wsbench.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result format ({@code -rf json}); every problem becomes a {@link ResultFileException} naming the file. */
public final class JmhResultFile {
    private JmhResultFile() {
    }

    public static List<JmhResult> read(Path file) {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file)) {
            root = JsonParser.parseReader(in);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file + ": no such file");
        } catch (IOException e) {
            throw new ResultFileException(file + ": cannot read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new ResultFileException(file + ": not JSON (" + rootCause(e) + "); expected a JMH result written with -rf json");
        }
        if (!root.isJsonArray()) {
            throw new ResultFileException(file + ": not a JMH JSON result (expected a top-level array of benchmark results)");
        }
        List<JmhResult> results = new ArrayList<>();
        int index = 0;
        for (JsonElement e : root.getAsJsonArray()) {
            try {
                results.add(parse(e.getAsJsonObject()));
            } catch (RuntimeException bad) {
                throw new ResultFileException(file + ": entry " + index + " is not a JMH benchmark result (" + bad.getMessage() + ")");
            }
            index++;
        }
        if (results.isEmpty()) {
            throw new ResultFileException(file + ": contains no benchmark results");
        }
        return results;
    }

    /** One entry of a JMH JSON result (one benchmark with one parameter set), already parsed as JSON. */
    public static JmhResult parse(JsonObject o) {
        JsonObject metric = required(o, "primaryMetric").getAsJsonObject();
        Map<String, String> params = new LinkedHashMap<>();
        if (o.has("params")) {
            for (Map.Entry<String, JsonElement> p : o.getAsJsonObject("params").entrySet()) {
                params.put(p.getKey(), p.getValue().getAsString());
            }
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (metric.has("scorePercentiles")) {
            for (Map.Entry<String, JsonElement> p : metric.getAsJsonObject("scorePercentiles").entrySet()) {
                percentiles.put(p.getKey(), number(p.getValue()));
            }
        }
        List<List<Double>> raw = new ArrayList<>();
        if (metric.has("rawData")) {
            for (JsonElement fork : metric.getAsJsonArray("rawData")) {
                List<Double> iterations = new ArrayList<>();
                for (JsonElement it : (JsonArray) fork) {
                    iterations.add(number(it));
                }
                raw.add(iterations);
            }
        }
        Map<String, Double> secondary = new LinkedHashMap<>();
        if (o.has("secondaryMetrics")) {
            for (Map.Entry<String, JsonElement> m : o.getAsJsonObject("secondaryMetrics").entrySet()) {
                JsonElement score = m.getValue().getAsJsonObject().get("score");
                if (score != null) {
                    secondary.put(m.getKey(), number(score));
                }
            }
        }
        List<double[]> histogram = new ArrayList<>();
        if (metric.has("rawDataHistogram")) {
            // Sample-time mode: the operation times of one iteration are correlated (same JIT state,
            // same placement, same moment of the machine), so they are not independent samples. Each
            // iteration becomes one sample, its mean time (JMH's own score for the mode), kept per fork
            // as rawData is for the other modes.
            boolean haveRaw = !raw.isEmpty();
            for (JsonElement fork : metric.getAsJsonArray("rawDataHistogram")) {
                List<Double> iterationMeans = new ArrayList<>();
                for (JsonElement iteration : fork.getAsJsonArray()) {
                    double sum = 0;
                    double count = 0;
                    for (JsonElement pair : iteration.getAsJsonArray()) {
                        JsonArray vc = pair.getAsJsonArray();
                        double value = number(vc.get(0));
                        double n = number(vc.get(1));
                        histogram.add(new double[] {value, n});
                        sum += value * n;
                        count += n;
                    }
                    if (count > 0) {
                        iterationMeans.add(sum / count);
                    }
                }
                if (!haveRaw) {
                    raw.add(iterationMeans);
                }
            }
        }
        return new JmhResult(required(o, "benchmark").getAsString(), required(o, "mode").getAsString(), params,
                number(required(metric, "score")), metric.has("scoreError") ? number(metric.get("scoreError")) : Double.NaN,
                required(metric, "scoreUnit").getAsString(), percentiles, raw, secondary, histogram);
    }

    /** JMH writes "NaN" as a string when a score error cannot be computed. */
    private static double number(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return Double.parseDouble(e.getAsString());
        }
        return e.getAsDouble();
    }

    private static JsonElement required(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return e;
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = String.valueOf(t.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
