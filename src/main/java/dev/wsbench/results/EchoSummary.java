package dev.wsbench.results;

import dev.wsbench.ParamNames;
import dev.wsbench.BenchmarkNames;
import dev.wsbench.placement.CpuProfiler;
import dev.wsbench.placement.Placement;
import dev.wsbench.server.ServerInterventions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The echo table of a run: for each placement, server, client, type and size, round trips per
 * second and that figure as a ratio to the raw TCP echo of the same size and placement in the same
 * run, with the latency percentiles of the sample-time benchmark beside it, the CPU time per round
 * trip where the run had {@code -prof dev.wsbench.placement.CpuProfiler} (whole process, and the
 * server's threads alone), and for {@code ONE_CPU} the library overhead over raw TCP
 * ({@code 1/rate - 1/raw rate}, µs per round trip: on one CPU the round trip is all CPU work, so
 * that difference is what the WebSocket path costs), and, when a row is {@link ClientBound}, a
 * column saying so. Printed after every {@code mvn jmh:run}.
 */
public final class EchoSummary {
    /** The secondary metric {@code ServerEvents} reports, and its name in results before 2026-12. */
    static final String INTERVENTIONS = ServerInterventions.METRIC;
    static final String LEGACY_INTERVENTIONS = "javaWebSocketRescues";
    static final String CPU = CpuProfiler.PROCESS_METRIC;
    static final String SERVER_CPU = CpuProfiler.SERVER_METRIC;

    private EchoSummary() {
    }

    /** A Markdown table, or an empty string when the results hold no echo throughput rows. */
    public static String markdown(List<JmhResult> results) {
        Map<String, JmhResult> raw = new TreeMap<>();
        Map<String, JmhResult> latency = new TreeMap<>();
        Map<String, JmhResult> echo = new TreeMap<>();
        for (JmhResult r : results) {
            switch (r.shortName()) {
                case BenchmarkNames.RAW_TCP_ECHO -> raw.put(rawKey(r), r);
                case BenchmarkNames.ECHO -> echo.put(key(r), r);
                case BenchmarkNames.ECHO_LATENCY, BenchmarkNames.RAW_TCP_ECHO_LATENCY -> latency.put(key(r), r);
                default -> {
                }
            }
        }
        if (echo.isEmpty() && raw.isEmpty()) {
            return "";
        }
        boolean interventions = echo.values().stream().anyMatch(r -> interventions(r, latency.get(key(r))) > 0);
        boolean bound = echo.values().stream().anyMatch(ClientBound::isClientBound);
        StringBuilder out = new StringBuilder();
        out.append("| placement | server | client | type | size (B) | round trips/s | ± (99.9 %) | ratio to raw TCP | p50 µs | p99 µs | p99.9 µs"
                + " | CPU µs/rt | server CPU µs/rt | overhead over raw µs/rt |" + (interventions ? " server interventions |" : "")
                + (bound ? " client CPU |" : "") + "\n");
        out.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (interventions ? "---:|" : "") + (bound ? "---|" : "") + "\n");
        raw.values().stream().sorted((a, b) -> {
            int c = placement(a).compareTo(placement(b));
            return c != 0 ? c : Integer.compare(Integer.parseInt(a.param(ParamNames.SIZE)), Integer.parseInt(b.param(ParamNames.SIZE)));
        }).forEach(r -> row(out, "raw TCP", "-", "-", r, r, latency.get(key(r)), interventions, bound));
        echo.values().stream()
                .sorted((a, b) -> {
                    int c = placement(a).compareTo(placement(b));
                    if (c == 0) c = a.param(ParamNames.SERVER).compareTo(b.param(ParamNames.SERVER));
                    if (c == 0) c = a.param(ParamNames.CLIENT).compareTo(b.param(ParamNames.CLIENT));
                    if (c == 0) c = a.param(ParamNames.TYPE).compareTo(b.param(ParamNames.TYPE));
                    return c != 0 ? c : Integer.compare(Integer.parseInt(a.param(ParamNames.SIZE)), Integer.parseInt(b.param(ParamNames.SIZE)));
                })
                .forEach(r -> row(out, r.param(ParamNames.SERVER), r.param(ParamNames.CLIENT), r.param(ParamNames.TYPE), r, raw.get(rawKey(r)),
                        latency.get(key(r)), interventions, bound));
        return out.toString();
    }

    private static String placement(JmhResult r) {
        return r.params().getOrDefault(ParamNames.PLACEMENT, "FREE");
    }

    private static String rawKey(JmhResult r) {
        return placement(r) + "/" + r.param(ParamNames.SIZE);
    }

    private static String key(JmhResult r) {
        return placement(r) + "/" + r.params().getOrDefault(ParamNames.SERVER, "raw") + "/" + r.params().getOrDefault(ParamNames.CLIENT, "raw") + "/"
                + r.params().getOrDefault(ParamNames.TYPE, "BINARY") + "/" + r.param(ParamNames.SIZE);
    }

    private static void row(StringBuilder out, String server, String client, String type, JmhResult r, JmhResult base, JmhResult lat,
            boolean interventionsColumn, boolean boundColumn) {
        double ratio = base == null ? Double.NaN : r.score() / base.score();
        double overhead = overheadMicros(r, base);
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s |%s%s%n",
                placement(r), server, client, type, r.param(ParamNames.SIZE), r.score(),
                Double.isNaN(r.scoreError()) ? "n/a" : String.format(Locale.ROOT, "%.0f", r.scoreError()),
                Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio),
                pct(lat, "50.0"), pct(lat, "99.0"), pct(lat, "99.9"),
                secondary(r, CPU), secondary(r, SERVER_CPU),
                Double.isNaN(overhead) ? "-" : String.format(Locale.ROOT, "%.1f", overhead),
                interventionsColumn ? String.format(Locale.ROOT, " %.0f |", interventions(r, lat)) : "",
                boundColumn ? " " + ClientBound.cell(r) + " |" : ""));
    }

    /**
     * What the WebSocket path costs beyond raw TCP, µs per round trip ({@code 1/rate - 1/raw rate}),
     * for an echo row with the whole fork on one CPU, where a round trip is all CPU work; NaN for
     * another placement or without the raw TCP row {@code base}.
     */
    static double overheadMicros(JmhResult r, JmhResult base) {
        return base == null || !Placement.ONE_CPU.name().equals(placement(r)) ? Double.NaN : 1e6 / r.score() - 1e6 / base.score();
    }

    private static String secondary(JmhResult r, String name) {
        Double v = r.secondary().get(name);
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * The server interventions ({@link ServerInterventions}) in the measured iterations of the
     * throughput and the latency row together; results written before the metric was renamed carry
     * it as {@value #LEGACY_INTERVENTIONS}.
     */
    static double interventions(JmhResult r, JmhResult lat) {
        return count(r) + (lat == null ? 0 : count(lat));
    }

    private static double count(JmhResult r) {
        Double v = r.secondary().get(INTERVENTIONS);
        if (v == null) {
            v = r.secondary().get(LEGACY_INTERVENTIONS);
        }
        return v == null ? 0 : v;
    }

    private static String pct(JmhResult lat, String p) {
        if (lat == null || !lat.percentiles().containsKey(p)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", lat.percentiles().get(p));
    }
}
