package dev.wsbench.results;

import dev.wsbench.ParamNames;
import dev.wsbench.BenchmarkNames;
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
            if (r.benchmarkClass().equals(BenchmarkNames.className(BenchmarkNames.MASKING_LIBRARY))) {
                rows.add(r);
                if ("COPY".equals(r.param(ParamNames.KERNEL))) {
                    copy.put(r.param(ParamNames.BUFFER) + "/" + r.param(ParamNames.SIZE), r);
                }
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.comparing((JmhResult r) -> r.param(ParamNames.BUFFER)).thenComparingInt(r -> Integer.parseInt(r.param(ParamNames.SIZE)))
                .thenComparing(r -> r.shortName()).thenComparingDouble(JmhResult::score));
        StringBuilder out = new StringBuilder("\nMasking (time per frame; GB/s of payload; share of the plain-copy ceiling):\n");
        out.append("| buffer | size (B) | masker | ns/op | GB/s | vs copy | B/op |\n|---|---:|---|---:|---:|---:|---:|\n");
        for (JmhResult r : rows) {
            String who = r.param(ParamNames.LIBRARY) != null && !"N/A".equals(r.param(ParamNames.LIBRARY)) ? r.param(ParamNames.LIBRARY) : r.param(ParamNames.KERNEL);
            JmhResult c = copy.get(r.param(ParamNames.BUFFER) + "/" + r.param(ParamNames.SIZE));
            double size = Double.parseDouble(r.param(ParamNames.SIZE));
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %s | %s |%n", r.param(ParamNames.BUFFER), r.param(ParamNames.SIZE), who,
                    r.score(), size / r.score(), c == null ? "n/a" : String.format(Locale.ROOT, "%.3f", c.score() / r.score()), bytes(r)));
        }
        return out.toString();
    }

    static String parsing(List<JmhResult> results) {
        List<JmhResult> rows = new ArrayList<>();
        for (JmhResult r : results) {
            if (r.benchmarkClass().equals(BenchmarkNames.className(BenchmarkNames.PARSING))) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.comparing((JmhResult r) -> r.param(ParamNames.SIDE) + r.param(ParamNames.TYPE) + r.param(ParamNames.SHAPE))
                .thenComparingInt(r -> Integer.parseInt(r.param(ParamNames.SIZE))).thenComparingDouble(JmhResult::score));
        StringBuilder out = new StringBuilder("\nParsing (one message per operation; the input copy is included in parse and shown alone):\n");
        out.append("| side | type | shape | size (B) | parser | ns/op | MB/s | B/op |\n|---|---|---|---:|---|---:|---:|---:|\n");
        for (JmhResult r : rows) {
            String who = r.shortName().equals(BenchmarkNames.PARSING_INPUT_COPY) ? "(input copy)" : r.param(ParamNames.LIBRARY);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f | %.0f | %s |%n", r.param(ParamNames.SIDE), r.param(ParamNames.TYPE),
                    r.param(ParamNames.SHAPE), r.param(ParamNames.SIZE), who, r.score(), Double.parseDouble(r.param(ParamNames.SIZE)) * 1000 / r.score(), bytes(r)));
        }
        return out.toString();
    }

    private static String bytes(JmhResult r) {
        double b = r.allocatedBytesPerOp();
        return Double.isNaN(b) ? "n/a" : String.format(Locale.ROOT, "%.0f", b);
    }
}
