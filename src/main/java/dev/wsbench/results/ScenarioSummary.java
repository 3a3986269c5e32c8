package dev.wsbench.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tables from a run's {@code .latency.jsonl} (the distributions the scenario benchmarks record,
 * see {@code LatencyLog}): one row per trial, and for the open-loop benchmark the highest rate per
 * server and size up to which every rate tried kept its p99 under the bound.
 */
public final class ScenarioSummary {
    /** The open-loop p99 bound in microseconds: {@code -Dwsbench.openLoop.p99BoundUs}, default 1000. */
    public static final long P99_BOUND_US = Long.getLong("wsbench.openLoop.p99BoundUs", 1000);

    /**
     * The open-loop sender lag bound in microseconds: {@code -Dwsbench.openLoop.senderLagBoundUs},
     * default 200. A row whose sender lag p99 exceeds it is flagged: the client did not keep its
     * schedule there, because it was short of CPU or because the server's socket pushed back (under
     * overload), so its latency is not the server's alone.
     */
    public static final long SENDER_LAG_BOUND_US = Long.getLong("wsbench.openLoop.senderLagBoundUs", 200);

    private ScenarioSummary() {
    }

    /** Reads every record; fails with the file and line number on a line that is not a JSON object. */
    public static List<JsonObject> read(Path file) {
        List<JsonObject> records = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResultFileException("cannot read latency records " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                records.add(JsonParser.parseString(lines.get(i)).getAsJsonObject());
            } catch (RuntimeException e) {
                throw new ResultFileException(file + " line " + (i + 1) + " is not a latency record (a JSON object): " + e.getMessage());
            }
        }
        return records;
    }

    /**
     * One record per benchmark, metric and parameters: the records of several forks are merged, from
     * their encoded histograms where every fork wrote one (exact), else by taking each percentile's
     * worst fork (an upper bound, said in the notes).
     */
    static List<JsonObject> mergeForks(List<JsonObject> records) {
        Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
        for (JsonObject r : records) {
            groups.computeIfAbsent(r.get("benchmark").getAsString() + "|" + r.get("metric").getAsString() + "|" + r.get("params"),
                    k -> new ArrayList<>()).add(r);
        }
        List<JsonObject> merged = new ArrayList<>();
        for (List<JsonObject> forks : groups.values()) {
            if (forks.size() == 1) {
                merged.add(forks.get(0));
                continue;
            }
            JsonObject m = forks.get(0).deepCopy();
            boolean exact = forks.stream().allMatch(r -> r.has("histogram"));
            if (exact) {
                org.HdrHistogram.Histogram all = null;
                for (JsonObject r : forks) {
                    org.HdrHistogram.Histogram h;
                    try {
                        h = dev.wsbench.scenario.LatencyLog.decodeHistogram(r.get("histogram").getAsString());
                    } catch (IllegalArgumentException e) {
                        throw new ResultFileException("latency record of " + r.get("benchmark").getAsString() + " " + r.get("params") + ": " + e.getMessage());
                    }
                    if (all == null) {
                        all = h;
                    } else {
                        all.add(h);
                    }
                }
                for (Map.Entry<String, Object> e : dev.wsbench.scenario.LatencyLog.summary(all).entrySet()) {
                    m.add(e.getKey(), new com.google.gson.Gson().toJsonTree(e.getValue()));
                }
            } else {
                long count = 0;
                for (JsonObject r : forks) {
                    count += r.get("count").getAsLong();
                }
                m.addProperty("count", count);
                for (String p : PERCENTILES) {
                    m.addProperty(p, forks.stream().mapToDouble(r -> r.get(p).getAsDouble()).max().orElse(0));
                }
                m.addProperty("percentiles", "worst fork");
            }
            if (forks.stream().allMatch(r -> r.has("senderLag"))) {
                JsonObject lag = m.getAsJsonObject("senderLag");
                lag.addProperty("p99Us", forks.stream().mapToDouble(r -> r.getAsJsonObject("senderLag").get("p99Us").getAsDouble()).max().orElse(0));
            }
            m.addProperty("forks", forks.size());
            merged.add(m);
        }
        return merged;
    }

    private static final String[] PERCENTILES = {"p50Us", "p90Us", "p99Us", "p999Us", "maxUs"};

    public static String markdown(List<JsonObject> allForks, long p99BoundUs) {
        List<JsonObject> records = mergeForks(allForks);
        StringBuilder out = new StringBuilder();
        Map<String, List<JsonObject>> byBenchmark = new LinkedHashMap<>();
        for (JsonObject r : records) {
            byBenchmark.computeIfAbsent(r.get("benchmark").getAsString() + " — " + r.get("metric").getAsString(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<JsonObject>> e : byBenchmark.entrySet()) {
            out.append("\n### ").append(e.getKey().replaceFirst("^dev\\.wsbench\\.jmh\\.", "")).append(" (µs)\n\n");
            out.append("| params | count | p50 | p90 | p99 | p99.9 | max | notes |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (JsonObject r : e.getValue()) {
                out.append("| ").append(params(r)).append(" | ").append(r.get("count").getAsLong());
                for (String p : PERCENTILES) {
                    out.append(" | ").append(String.format(Locale.ROOT, "%.1f", r.get(p).getAsDouble()));
                }
                out.append(" | ").append(notes(r)).append(" |\n");
            }
        }
        String sweep = sweep(records, p99BoundUs);
        if (!sweep.isEmpty()) {
            out.append("\n### Open loop: highest rate with p99 <= ").append(p99BoundUs).append(" µs\n\n")
                    .append("| server | size | highest rate (msg/s) | its p99 (µs) | rates tried |\n|---|---:|---:|---:|---|\n")
                    .append(sweep);
        }
        return out.toString();
    }

    private static String params(JsonObject r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonElement> p : r.getAsJsonObject("params").entrySet()) {
            parts.add(p.getKey() + "=" + p.getValue().getAsString());
        }
        return String.join(" ", parts);
    }

    private static String notes(JsonObject r) {
        List<String> parts = new ArrayList<>();
        for (String key : new String[] {"forks", "percentiles", "connectionsHeld", "connectErrors", "errors", "firstError"}) {
            if (r.has(key) && !r.get(key).isJsonNull()) {
                parts.add(key + "=" + r.get(key).getAsString());
            }
        }
        if (r.has("senderLag")) {
            double lagP99 = r.getAsJsonObject("senderLag").get("p99Us").getAsDouble();
            parts.add(String.format(Locale.ROOT, "sender lag p99 %.1f", lagP99)
                    + (lagP99 > SENDER_LAG_BOUND_US ? " > " + SENDER_LAG_BOUND_US + " µs: SENDER BEHIND SCHEDULE (client short of CPU,"
                            + " or the server's socket pushed back), latency not the server's alone" : ""));
        }
        return String.join(", ", parts);
    }

    private static String sweep(List<JsonObject> records, long boundUs) {
        Map<String, TreeMap<Integer, Double>> p99ByRate = new TreeMap<>();
        for (JsonObject r : records) {
            JsonObject params = r.getAsJsonObject("params");
            if (!r.get("benchmark").getAsString().endsWith("OpenLoopBenchmark.echo") || !params.has("rate")) {
                continue;
            }
            String key = params.get("server").getAsString() + " | " + (params.has("size") ? params.get("size").getAsString() : "");
            p99ByRate.computeIfAbsent(key, k -> new TreeMap<>()).put(Integer.parseInt(params.get("rate").getAsString()), r.get("p99Us").getAsDouble());
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : p99ByRate.entrySet()) {
            // Ascending rates; the first rate over the bound ends the sweep, so a lucky higher rate
            // after a failing one does not count.
            Integer best = null;
            for (Map.Entry<Integer, Double> rate : e.getValue().entrySet()) {
                if (rate.getValue() > boundUs) {
                    break;
                }
                best = rate.getKey();
            }
            out.append("| ").append(e.getKey()).append(" | ")
                    .append(best == null ? "none" : best.toString()).append(" | ")
                    .append(best == null ? "-" : String.format(Locale.ROOT, "%.1f", e.getValue().get(best))).append(" | ")
                    .append(e.getValue().keySet()).append(" |\n");
        }
        return out.toString();
    }
}
