package dev.wsbench.versions;

import dev.wsbench.ParamNames;
import dev.wsbench.results.JmhResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;

/**
 * One benchmark method in one mode with one value per parameter: what JMH runs as one fork, and
 * what a comparison pairs. Expanded from the options the way JMH expands them (every mode of
 * {@code Mode.All}, the cross product of the parameter values, {@code -p} overriding the annotation).
 */
record BenchmarkRow(String benchmark, Mode mode, Map<String, String> params) {

    /** Every row the options select, in JMH's order. */
    static List<BenchmarkRow> expand(Options options, OutputFormat out) {
        SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(out, options.getIncludes(), options.getExcludes());
        List<BenchmarkRow> rows = new ArrayList<>();
        for (BenchmarkListEntry entry : entries) {
            Collection<Mode> modes = options.getBenchModes().isEmpty() ? List.of(entry.getMode()) : options.getBenchModes();
            for (Mode mode : modes) {
                for (Mode m : mode == Mode.All ? allModes() : List.of(mode)) {
                    for (Map<String, String> p : crossProduct(entry.getParams().orElse(Collections.emptyMap()), options)) {
                        rows.add(new BenchmarkRow(entry.getUsername(), m, p));
                    }
                }
            }
        }
        return rows;
    }

    private static List<Mode> allModes() {
        return Arrays.stream(Mode.values()).filter(m -> m != Mode.All).toList();
    }

    private static List<Map<String, String>> crossProduct(Map<String, String[]> declared, Options options) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, String[]> e : new TreeMap<>(declared).entrySet()) {
            Collection<String> values = options.getParameter(e.getKey()).orElse(Arrays.asList(e.getValue()));
            if (values.isEmpty()) {
                throw new IllegalArgumentException(e.getKey() + " has no values: give them with -p " + e.getKey() + "=...");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** A regular expression that selects exactly this benchmark method. */
    String include() {
        return "^" + Pattern.quote(benchmark) + "$";
    }

    /** {@code EchoBenchmark.roundTrip} */
    String shortName() {
        return JmhResult.shortName(benchmark);
    }

    /** The key its results carry ({@link JmhResult#key()}): benchmark, mode and parameters. */
    String key() {
        return shortName() + " " + mode.shortLabel() + " " + new TreeMap<>(params);
    }

    /** Whether a larger score is better (throughput), rather than a smaller one (time per operation). */
    boolean higherIsBetter() {
        return mode == Mode.Throughput;
    }

    /** Whether the row runs a server's echo (the path a calibration slows down). */
    boolean echoesThroughServer() {
        return params.containsKey(ParamNames.SERVER);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(shortName());
        params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }
}
