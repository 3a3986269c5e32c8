package dev.wsbench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The masking and parsing tables of a run: time per operation, bytes per second, the fraction of
 * the plain-copy ceiling (masking), and bytes allocated per operation where {@code -prof gc} ran.
 * Printed after every {@code mvn jmh:run} (see {@link RunSummary}).
 */
public final class FrameSummary {
    private FrameSummary() {
    }


    public static String markdown(List<JmhResult> results) {
        return masking(results) + parsing(results);
    }

    static String masking(List<JmhResult> results) {
        List<JmhResult> rows = new ArrayList<>();
        Map<String, JmhResult> copy = new TreeMap<>();
        for (JmhResult r : results) {
            if (r.shortName().startsWith("MaskingBenchmark.")) {
                rows.add(r);
                if ("COPY".equals(r.param("kernel"))) {
                    copy.put(r.param("buffer") + "/" + r.param("size"), r);
                }
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.comparing((JmhResult r) -> r.param("buffer")).thenComparingInt(r -> Integer.parseInt(r.param("size")))
                .thenComparing(r -> r.shortName()).thenComparingDouble(JmhResult::score));
        StringBuilder out = new StringBuilder("\nMasking (time per frame; GB/s of payload; share of the plain-copy ceiling):\n");
        out.append("| buffer | size (B) | masker | ns/op | GB/s | vs copy | B/op |\n|---|---:|---|---:|---:|---:|---:|\n");
        for (JmhResult r : rows) {
            String who = r.param("library") != null && !"N/A".equals(r.param("library")) ? r.param("library") : r.param("kernel");
            JmhResult c = copy.get(r.param("buffer") + "/" + r.param("size"));
            double size = Double.parseDouble(r.param("size"));
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %s | %s |%n", r.param("buffer"), r.param("size"), who,
                    r.score(), size / r.score(), c == null ? "n/a" : String.format(Locale.ROOT, "%.3f", c.score() / r.score()), bytes(r)));
        }
        return out.toString();
    }

    static String parsing(List<JmhResult> results) {
        List<JmhResult> rows = new ArrayList<>();
        for (JmhResult r : results) {
            if (r.shortName().startsWith("ParsingBenchmark.")) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.comparing((JmhResult r) -> r.param("side") + r.param("type") + r.param("shape"))
                .thenComparingInt(r -> Integer.parseInt(r.param("size"))).thenComparingDouble(JmhResult::score));
        StringBuilder out = new StringBuilder("\nParsing (one message per operation; the input copy is included in parse and shown alone):\n");
        out.append("| side | type | shape | size (B) | parser | ns/op | MB/s | B/op |\n|---|---|---|---:|---|---:|---:|---:|\n");
        for (JmhResult r : rows) {
            String who = r.shortName().endsWith("inputCopy") ? "(input copy)" : r.param("library");
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f | %.0f | %s |%n", r.param("side"), r.param("type"),
                    r.param("shape"), r.param("size"), who, r.score(), Double.parseDouble(r.param("size")) * 1000 / r.score(), bytes(r)));
        }
        return out.toString();
    }

    private static String bytes(JmhResult r) {
        double b = r.allocatedBytesPerOp();
        return Double.isNaN(b) ? "n/a" : String.format(Locale.ROOT, "%.0f", b);
    }
}
