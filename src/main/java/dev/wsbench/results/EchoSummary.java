package dev.wsbench.results;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The echo table of a run: for each server, client, type and size, round trips per second and
 * that figure as a ratio to the raw TCP echo of the same size in the same run, with the latency
 * percentiles of the sample-time benchmark beside it. Printed after every {@code mvn jmh:run}.
 */
public final class EchoSummary {
    private EchoSummary() {
    }


    /** A Markdown table, or an empty string when the results hold no echo throughput rows. */
    public static String markdown(List<JmhResult> results) {
        Map<String, JmhResult> raw = new TreeMap<>(java.util.Comparator.comparingInt(Integer::parseInt));
        Map<String, JmhResult> latency = new TreeMap<>();
        Map<String, JmhResult> echo = new TreeMap<>();
        for (JmhResult r : results) {
            String size = r.param("size");
            switch (r.shortName()) {
                case "RawTcpEchoBenchmark.roundTrip" -> raw.put(size, r);
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
        out.append("| server | client | type | size (B) | round trips/s | ± (99.9 %) | ratio to raw TCP | p50 µs | p99 µs | p99.9 µs | lost-write rescues |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, JmhResult> e : raw.entrySet()) {
            row(out, "raw TCP", "-", "-", e.getValue(), 1.0, latency.get(key(e.getValue())));
        }
        echo.values().stream()
                .sorted((a, b) -> {
                    int c = a.param("server").compareTo(b.param("server"));
                    if (c == 0) c = a.param("client").compareTo(b.param("client"));
                    if (c == 0) c = a.param("type").compareTo(b.param("type"));
                    return c != 0 ? c : Integer.compare(Integer.parseInt(a.param("size")), Integer.parseInt(b.param("size")));
                })
                .forEach(r -> {
                    JmhResult base = raw.get(r.param("size"));
                    row(out, r.param("server"), r.param("client"), r.param("type"), r,
                            base == null ? Double.NaN : r.score() / base.score(), latency.get(key(r)));
                });
        return out.toString();
    }

    private static String key(JmhResult r) {
        return r.params().getOrDefault("server", "raw") + "/" + r.params().getOrDefault("client", "raw") + "/"
                + r.params().getOrDefault("type", "BINARY") + "/" + r.param("size");
    }

    private static void row(StringBuilder out, String server, String client, String type, JmhResult r, double ratio, JmhResult lat) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s |%n",
                server, client, type, r.param("size"), r.score(), Double.isNaN(r.scoreError()) ? "n/a" : String.format(Locale.ROOT, "%.0f", r.scoreError()),
                Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio),
                pct(lat, "50.0"), pct(lat, "99.0"), pct(lat, "99.9"), rescues(server, r, lat)));
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

    /** The secondary metric {@code ServerEvents} reports. */
    static final String RESCUES = "javaWebSocketRescues";

    private static String pct(JmhResult lat, String p) {
        if (lat == null || !lat.percentiles().containsKey(p)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", lat.percentiles().get(p));
    }
}
