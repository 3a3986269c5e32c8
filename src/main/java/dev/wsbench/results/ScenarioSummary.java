package dev.wsbench.results;

import dev.wsbench.ParamNames;
import dev.wsbench.BenchmarkNames;
import dev.wsbench.scenario.LatencyLog;
import dev.wsbench.scenario.LatencyPercentiles;
import dev.wsbench.scenario.LatencyRecord;
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
import org.HdrHistogram.Histogram;

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

    /** Reads every record; fails with the file and line number on a line that is not a latency record. */
    public static List<LatencyRecord> read(Path file) {
        List<LatencyRecord> records = new ArrayList<>();
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
                records.add(LatencyRecord.fromJson(lines.get(i)));
            } catch (IllegalArgumentException e) {
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
    static List<LatencyRecord> mergeForks(List<LatencyRecord> records) {
        Map<String, List<LatencyRecord>> groups = new LinkedHashMap<>();
        for (LatencyRecord r : records) {
            groups.computeIfAbsent(r.benchmark + "|" + r.metric + "|" + r.params, k -> new ArrayList<>()).add(r);
        }
        List<LatencyRecord> merged = new ArrayList<>();
        for (List<LatencyRecord> forks : groups.values()) {
            if (forks.size() == 1) {
                merged.add(forks.get(0));
                continue;
            }
            LatencyRecord m = forks.get(0).copy();
            if (forks.stream().allMatch(r -> r.histogram != null)) {
                Histogram all = null;
                for (LatencyRecord r : forks) {
                    Histogram h;
                    try {
                        h = LatencyLog.decodeHistogram(r.histogram);
                    } catch (IllegalArgumentException e) {
                        throw new ResultFileException("latency record of " + r.benchmark + " " + r.params + ": " + e.getMessage());
                    }
                    if (all == null) {
                        all = h;
                    } else {
                        all.add(h);
                    }
                }
                m.withPercentiles(LatencyPercentiles.of(all));
            } else {
                LatencyPercentiles worst = new LatencyPercentiles();
                worst.count = forks.stream().mapToLong(r -> r.count).sum();
                worst.p50Us = forks.stream().mapToDouble(r -> r.p50Us).max().orElse(0);
                worst.p90Us = forks.stream().mapToDouble(r -> r.p90Us).max().orElse(0);
                worst.p99Us = forks.stream().mapToDouble(r -> r.p99Us).max().orElse(0);
                worst.p999Us = forks.stream().mapToDouble(r -> r.p999Us).max().orElse(0);
                worst.maxUs = forks.stream().mapToDouble(r -> r.maxUs).max().orElse(0);
                m.withPercentiles(worst);
                m.percentiles = "worst fork";
            }
            if (forks.stream().allMatch(r -> r.senderLag != null)) {
                m.senderLag.p99Us = forks.stream().mapToDouble(r -> r.senderLag.p99Us).max().orElse(0);
            }
            m.forks = forks.size();
            merged.add(m);
        }
        return merged;
    }

    private static final String[] PERCENTILES = {"p50Us", "p90Us", "p99Us", "p999Us", "maxUs"};

    public static String markdown(List<LatencyRecord> allForks, long p99BoundUs) {
        List<LatencyRecord> records = mergeForks(allForks);
        StringBuilder out = new StringBuilder();
        Map<String, List<LatencyRecord>> byBenchmark = new LinkedHashMap<>();
        for (LatencyRecord r : records) {
            byBenchmark.computeIfAbsent(r.benchmark + " — " + r.metric, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<LatencyRecord>> e : byBenchmark.entrySet()) {
            out.append("\n### ").append(e.getKey().replaceFirst("^dev\\.wsbench\\.jmh\\.", "")).append(" (µs)\n\n");
            out.append("| params | count | p50 | p90 | p99 | p99.9 | max | notes |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (LatencyRecord r : e.getValue()) {
                out.append("| ").append(params(r)).append(" | ").append(r.count);
                for (String p : PERCENTILES) {
                    out.append(" | ").append(String.format(Locale.ROOT, "%.1f", r.percentile(p)));
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

    private static String params(LatencyRecord r) {
        List<String> parts = new ArrayList<>();
        r.params.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    private static String notes(LatencyRecord r) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("forks", r.forks);
        notes.put("percentiles", r.percentiles);
        notes.put("connectionsHeld", r.connectionsHeld);
        notes.put("connectErrors", r.connectErrors);
        notes.put("errors", r.errors);
        notes.put("firstError", r.firstError);
        notes.forEach((k, v) -> {
            if (v != null) {
                parts.add(k + "=" + v);
            }
        });
        if (r.senderLag != null) {
            double lagP99 = r.senderLag.p99Us;
            parts.add(String.format(Locale.ROOT, "sender lag p99 %.1f", lagP99)
                    + (lagP99 > SENDER_LAG_BOUND_US ? " > " + SENDER_LAG_BOUND_US + " µs: SENDER BEHIND SCHEDULE (client short of CPU,"
                            + " or the server's socket pushed back), latency not the server's alone" : ""));
        }
        return String.join(", ", parts);
    }

    private static String sweep(List<LatencyRecord> records, long boundUs) {
        Map<String, TreeMap<Integer, Double>> p99ByRate = new TreeMap<>();
        for (LatencyRecord r : records) {
            if (!JmhResult.shortName(r.benchmark).equals(BenchmarkNames.OPEN_LOOP) || !r.params.containsKey(ParamNames.RATE)) {
                continue;
            }
            String key = r.params.get(ParamNames.SERVER) + " | " + r.params.getOrDefault(ParamNames.SIZE, "");
            p99ByRate.computeIfAbsent(key, k -> new TreeMap<>()).put(Integer.parseInt(r.params.get(ParamNames.RATE)), r.p99Us);
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
