package dev.wsbench.results;

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
 * that difference is what the WebSocket path costs). Printed after every {@code mvn jmh:run}.
 */
public final class EchoSummary {
    /** The secondary metric {@code ServerEvents} reports. */
    static final String RESCUES = "javaWebSocketRescues";
    static final String CPU = "cpu.us/op";
    static final String SERVER_CPU = "cpu.server.us/op";

    private EchoSummary() {
    }

    /** A Markdown table, or an empty string when the results hold no echo throughput rows. */
    public static String markdown(List<JmhResult> results) {
        Map<String, JmhResult> raw = new TreeMap<>();
        Map<String, JmhResult> latency = new TreeMap<>();
        Map<String, JmhResult> echo = new TreeMap<>();
        for (JmhResult r : results) {
            switch (r.shortName()) {
                case "RawTcpEchoBenchmark.roundTrip" -> raw.put(rawKey(r), r);
                case "EchoBenchmark.roundTrip" -> echo.put(key(r), r);
                case "EchoBenchmark.roundTripLatency", "RawTcpEchoBenchmark.roundTripLatency" -> latency.put(key(r), r);
                default -> {
                }
            }
        }
        if (echo.isEmpty() && raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("| placement | server | client | type | size (B) | round trips/s | ± (99.9 %) | ratio to raw TCP | p50 µs | p99 µs | p99.9 µs"
                + " | CPU µs/rt | server CPU µs/rt | overhead over raw µs/rt | lost-write rescues |\n");
        out.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        raw.values().stream().sorted((a, b) -> {
            int c = placement(a).compareTo(placement(b));
            return c != 0 ? c : Integer.compare(Integer.parseInt(a.param("size")), Integer.parseInt(b.param("size")));
        }).forEach(r -> row(out, "raw TCP", "-", "-", r, r, latency.get(key(r))));
        echo.values().stream()
                .sorted((a, b) -> {
                    int c = placement(a).compareTo(placement(b));
                    if (c == 0) c = a.param("server").compareTo(b.param("server"));
                    if (c == 0) c = a.param("client").compareTo(b.param("client"));
                    if (c == 0) c = a.param("type").compareTo(b.param("type"));
                    return c != 0 ? c : Integer.compare(Integer.parseInt(a.param("size")), Integer.parseInt(b.param("size")));
                })
                .forEach(r -> row(out, r.param("server"), r.param("client"), r.param("type"), r, raw.get(rawKey(r)), latency.get(key(r))));
        return out.toString();
    }

    private static String placement(JmhResult r) {
        return r.params().getOrDefault("placement", "FREE");
    }

    private static String rawKey(JmhResult r) {
        return placement(r) + "/" + r.param("size");
    }

    private static String key(JmhResult r) {
        return placement(r) + "/" + r.params().getOrDefault("server", "raw") + "/" + r.params().getOrDefault("client", "raw") + "/"
                + r.params().getOrDefault("type", "BINARY") + "/" + r.param("size");
    }

    private static void row(StringBuilder out, String server, String client, String type, JmhResult r, JmhResult base, JmhResult lat) {
        double ratio = base == null ? Double.NaN : r.score() / base.score();
        double overhead = base == null || !"ONE_CPU".equals(placement(r)) ? Double.NaN : 1e6 / r.score() - 1e6 / base.score();
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                placement(r), server, client, type, r.param("size"), r.score(),
                Double.isNaN(r.scoreError()) ? "n/a" : String.format(Locale.ROOT, "%.0f", r.scoreError()),
                Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio),
                pct(lat, "50.0"), pct(lat, "99.0"), pct(lat, "99.9"),
                secondary(r, CPU), secondary(r, SERVER_CPU),
                Double.isNaN(overhead) ? "-" : String.format(Locale.ROOT, "%.1f", overhead),
                rescues(server, r, lat)));
    }

    private static String secondary(JmhResult r, String name) {
        Double v = r.secondary().get(name);
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Java-WebSocket's lost-write rescues (see {@code JavaWebSocketEchoServer}) in the measured
     * iterations of the throughput and the latency row together; "-" for the other servers.
     */
    static String rescues(String server, JmhResult r, JmhResult lat) {
        if (!"JAVA_WEBSOCKET".equals(server)) {
            return "-";
        }
        Double thrpt = r.secondary().get(RESCUES);
        Double sample = lat == null ? null : lat.secondary().get(RESCUES);
        if (thrpt == null && sample == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f", (thrpt == null ? 0 : thrpt) + (sample == null ? 0 : sample));
    }

    private static String pct(JmhResult lat, String p) {
        if (lat == null || !lat.percentiles().containsKey(p)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", lat.percentiles().get(p));
    }
}
