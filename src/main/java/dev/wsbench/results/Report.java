package dev.wsbench.results;

import dev.wsbench.BenchmarkNames;
import dev.wsbench.ParamNames;
import dev.wsbench.library.EchoClients;
import dev.wsbench.library.Library;
import dev.wsbench.placement.CpuProfiler;
import dev.wsbench.placement.Placement;
import dev.wsbench.scenario.IdleConnectionMemory;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code mvn jmh:report -Dresult=A.json[,B.json] [-Dout=DIR]}: the run's tables as Markdown and its
 * charts, each titled in words (what, size, placement), its axes saying what the categories are,
 * which way is better and what the error bars mean, and the machine and JDK under it:
 *
 * <ul>
 *   <li>echo round trips per second per size and placement, one bar per server beside raw TCP;</li>
 *   <li>CPU per round trip per size and placement, the server's threads stacked under the rest of
 *       the process (client, JIT, GC), raw TCP's the floor beside them;</li>
 *   <li>the overhead over raw TCP in µs per round trip on one CPU, per server at each size;</li>
 *   <li>masking and parsing as payload bytes per second per size;</li>
 *   <li>memory per idle connection (server heap and resident set), where the run has it.</li>
 * </ul>
 *
 * Error bars are the fork-to-fork spread ({@link ForkSpread}: 95 % interval of the mean over forks),
 * not JMH's interval over one fork's iterations; a row measured in one fork has none, and the axis
 * says so. Each library has one colour in every chart (reference kernels and raw TCP are grey) and
 * its legend entry carries the version the run loaded (from the run's provenance). Several result
 * files (comma-separated) make one report: a default run and a memory run, say. Exit code 2 with a
 * message on unusable input.
 */
public final class Report {
    /** One colour per library, by its place in the registry; enough for 12 libraries before repeating. */
    private static final Color[] LIBRARY_COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x393b79),
        new Color(0xad494a), new Color(0x637939)};
    private static final Color[] GREYS = {new Color(0x404040), new Color(0x707070), new Color(0x999999), new Color(0xbbbbbb)};
    static final String RAW_TCP = "raw TCP";
    static final String SERVER_PART = "the server's threads";
    static final String REST_PART = "the rest of the process: client, JIT, GC";
    private static final Map<String, Color> PART_COLOURS = Map.of(SERVER_PART, new Color(0x1f77b4), REST_PART, new Color(0xbbbbbb));
    /** The masking benchmark's reference kernels ({@code MaskingKernel}), in words. */
    private static final Map<String, String> KERNELS = Map.of("COPY", "plain copy, no XOR (the ceiling)", "XOR_BYTE", "XOR a byte at a time",
            "XOR_LONG", "XOR 8 bytes at a time", "XOR_VECTOR", "XOR with the Vector API");
    private static final Map<String, String> SHAPES = Map.of("WHOLE", "whole frame", "FRAGMENTS_64", "64 B fragments",
            "FRAGMENTS_1K", "1 KiB fragments", "FRAGMENTS_16K", "16 KiB fragments", "READS_64_TO_2048", "reads of 64-2048 B");

    private Report() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Report RESULT.json[,MORE.json] [OUTPUT-DIR]");
            System.exit(2);
        }
        try {
            List<JmhResult> results = new ArrayList<>();
            Path first = null;
            for (String file : args[0].split(",")) {
                Path result = Path.of(file.trim());
                first = first == null ? result : first;
                results.addAll(JmhResultFile.read(result));
            }
            Path out = args.length == 2 ? Path.of(args[1]) : first.toAbsolutePath().getParent();
            Path md = write(results, first, out);
            System.out.println("report: " + md);
        } catch (ResultFileException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: cannot write the report: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Writes NAME-report.md and NAME-KIND-SIZE[-PLACEMENT].png files into {@code out}; returns the Markdown file. */
    public static Path write(List<JmhResult> results, Path resultFile, Path out) throws IOException {
        Files.createDirectories(out);
        String name = resultFile.getFileName().toString().replaceFirst("\\.json$", "");
        StringBuilder md = new StringBuilder("# Benchmark report: " + resultFile.getFileName() + "\n");
        Provenance p = Provenance.readBeside(resultFile);
        if (p != null) {
            md.append("\nLibraries: ").append(p.libraries()).append("\n");
        }
        Charts charts = new Charts(out, name, p == null ? "no provenance beside the result file" : p.machine(), p);
        charts.echo(select(results, BenchmarkNames.ECHO, BenchmarkNames.RAW_TCP_ECHO));
        charts.cpu(select(results, BenchmarkNames.ECHO, BenchmarkNames.RAW_TCP_ECHO));
        charts.overhead(select(results, BenchmarkNames.ECHO, BenchmarkNames.RAW_TCP_ECHO));
        charts.masking(select(results, BenchmarkNames.MASKING_LIBRARY, BenchmarkNames.MASKING_LIMIT));
        charts.parsing(select(results, BenchmarkNames.PARSING));
        charts.memory(select(results, BenchmarkNames.CONNECTION_MEMORY));
        for (String c : charts.written) {
            md.append("\n![").append(c).append("](").append(c).append(")\n");
        }
        md.append(RunSummary.markdown(results));
        Path file = out.resolve(name + "-report.md");
        Files.writeString(file, md.toString());
        return file;
    }

    private static List<JmhResult> select(List<JmhResult> results, String... benchmarks) {
        List<String> wanted = List.of(benchmarks);
        // every chart but memory's is per payload size
        return results.stream().filter(r -> wanted.contains(r.shortName())
                && (r.param(ParamNames.SIZE) != null || r.shortName().equals(BenchmarkNames.CONNECTION_MEMORY))).toList();
    }

    /** The colour of a bar series: its library's, or the next grey of its chart for raw TCP and the reference kernels. */
    static Color colour(String series, int greyIndex) {
        Library l = library(series);
        return l != null ? LIBRARY_COLOURS[l.ordinal() % LIBRARY_COLOURS.length] : GREYS[greyIndex % GREYS.length];
    }

    private static Library library(String series) {
        for (Library l : Library.values()) {
            if (l.name().equals(series)) {
                return l;
            }
        }
        return null;
    }

    /** The charts of one report, and the files written so far. */
    private static final class Charts {
        private final Path out;
        private final String name;
        private final String machine;
        private final Provenance provenance;
        final List<String> written = new ArrayList<>();

        Charts(Path out, String name, String machine, Provenance provenance) {
            this.out = out;
            this.name = name;
            this.machine = machine;
            this.provenance = provenance;
        }

        /** Round trips per second, a chart per size and placement: servers beside raw TCP, clients and types along the axis. */
        void echo(List<JmhResult> rows) throws IOException {
            for (List<JmhResult> panel : panels(rows, true).values()) {
                String first = category(panel.stream().filter(r -> r.param(ParamNames.SERVER) != null).findFirst().orElse(panel.get(0)));
                List<BarChart.Bar> bars = new ArrayList<>();
                for (JmhResult r : panel) {
                    ForkSpread spread = ForkSpread.of(r);
                    bars.add(new BarChart.Bar(series(r), r.param(ParamNames.SERVER) == null ? first : category(r), r.score(), spread.halfWidth()));
                }
                JmhResult any = panel.get(0);
                draw("echo", any, true, new BarChart("Echo round trips per second: " + size(any) + " messages, " + placement(any),
                        "client, message type", forkNote(panel), machine, "round trips per second (higher is better)", bars,
                        false, false, true, this::label, colours()));
            }
        }

        /** CPU per round trip, a chart per size and placement: the server's threads and the rest of the process, stacked. */
        void cpu(List<JmhResult> rows) throws IOException {
            List<JmhResult> measured = rows.stream().filter(r -> r.secondary().containsKey(CpuProfiler.PROCESS_METRIC)
                    && r.secondary().containsKey(CpuProfiler.SERVER_METRIC)).toList();
            for (List<JmhResult> panel : panels(measured, true).values()) {
                List<BarChart.Bar> bars = new ArrayList<>();
                // raw TCP first: the floor the servers stand on
                for (JmhResult r : panel.stream().sorted(Comparator.comparing(r -> r.param(ParamNames.SERVER) != null)).toList()) {
                    String server = r.param(ParamNames.SERVER) == null ? RAW_TCP + " (the floor)" : label(r.param(ParamNames.SERVER))
                            + (reference(r) ? "" : ", " + client(r.param(ParamNames.CLIENT)));
                    double serverCpu = r.secondary().get(CpuProfiler.SERVER_METRIC);
                    bars.add(new BarChart.Bar(SERVER_PART, server, serverCpu, Double.NaN));
                    bars.add(new BarChart.Bar(REST_PART, server, r.secondary().get(CpuProfiler.PROCESS_METRIC) - serverCpu, Double.NaN));
                }
                JmhResult any = panel.get(0);
                draw("cpu", any, true, new BarChart("CPU per round trip, server against the rest: " + size(any) + " messages, " + placement(any),
                        "server (reference client unless named)", "means over every fork's iterations, stacked: no error bars", machine,
                        "CPU µs per round trip (lower is better)", bars, true, false, true, s -> s, PART_COLOURS::get));
            }
        }

        /** On one CPU: what each server's WebSocket path costs beyond raw TCP, µs per round trip; a chart per size. */
        void overhead(List<JmhResult> rows) throws IOException {
            Map<String, JmhResult> raw = new TreeMap<>();
            for (JmhResult r : rows) {
                if (r.param(ParamNames.SERVER) == null && Placement.ONE_CPU.name().equals(r.param(ParamNames.PLACEMENT))) {
                    raw.put(r.param(ParamNames.SIZE), r);
                }
            }
            Map<String, List<JmhResult>> bySize = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
            for (JmhResult r : rows) {
                if (r.param(ParamNames.SERVER) != null && !Double.isNaN(EchoSummary.overheadMicros(r, raw.get(r.param(ParamNames.SIZE))))) {
                    bySize.computeIfAbsent(r.param(ParamNames.SIZE), k -> new ArrayList<>()).add(r);
                }
            }
            for (List<JmhResult> panel : bySize.values()) {
                JmhResult base = raw.get(panel.get(0).param(ParamNames.SIZE));
                List<BarChart.Bar> bars = new ArrayList<>();
                for (JmhResult r : panel) {
                    // the two rows' intervals in µs per round trip, combined as independent estimates
                    double error = Math.hypot(1e6 / r.score() * ForkSpread.of(r).relativeHalfWidth(),
                            1e6 / base.score() * ForkSpread.of(base).relativeHalfWidth());
                    bars.add(new BarChart.Bar(r.param(ParamNames.SERVER), category(r), EchoSummary.overheadMicros(r, base), error));
                }
                List<JmhResult> used = new ArrayList<>(panel);
                used.add(base);
                draw("overhead", panel.get(0), false, new BarChart("Overhead over raw TCP: " + size(base) + " messages, " + placement(base),
                        "client, message type", forkNote(used) + " (with raw TCP's)", machine,
                        "µs per round trip beyond raw TCP's (lower is better)", bars, false, false, false, this::label, colours()));
            }
        }

        /** Payload bytes per second of each library's masking, beside the plain-copy and XOR kernels, per size. */
        void masking(List<JmhResult> rows) throws IOException {
            for (List<JmhResult> panel : panels(rows, false).values()) {
                List<BarChart.Bar> bars = new ArrayList<>();
                for (JmhResult r : panel) {
                    double gbPerSecond = Double.parseDouble(r.param(ParamNames.SIZE)) / r.score(); // bytes per ns
                    String lib = r.param(ParamNames.LIBRARY);
                    bars.add(new BarChart.Bar(lib != null && !"N/A".equals(lib) ? lib : r.param(ParamNames.KERNEL),
                            r.param(ParamNames.BUFFER).toLowerCase(Locale.ROOT) + " buffer", gbPerSecond,
                            gbPerSecond * ForkSpread.of(r).relativeHalfWidth()));
                }
                draw("masking", panel.get(0), false, new BarChart("Frame masking: " + size(panel.get(0)) + " payloads, GB/s",
                        "buffer", forkNote(panel), machine, "GB/s of payload (higher is better)", bars, false, true, true,
                        this::label, colours()));
            }
        }

        /** Payload bytes per second of each library's frame parser, per size. */
        void parsing(List<JmhResult> rows) throws IOException {
            for (List<JmhResult> panel : panels(rows, false).values()) {
                List<BarChart.Bar> bars = new ArrayList<>();
                for (JmhResult r : panel) {
                    double mbPerSecond = Double.parseDouble(r.param(ParamNames.SIZE)) * 1000 / r.score();
                    String what = "from the " + r.param(ParamNames.SIDE).toLowerCase(Locale.ROOT) + ", " + r.param(ParamNames.TYPE).toLowerCase(Locale.ROOT)
                            + ", " + SHAPES.getOrDefault(r.param(ParamNames.SHAPE), r.param(ParamNames.SHAPE));
                    bars.add(new BarChart.Bar(r.param(ParamNames.LIBRARY), what, mbPerSecond, mbPerSecond * ForkSpread.of(r).relativeHalfWidth()));
                }
                draw("parsing", panel.get(0), false, new BarChart("Frame parsing: " + size(panel.get(0)) + " payloads, MB/s",
                        "frames: which side sent them, type, how they arrive", forkNote(panel), machine,
                        "MB/s of payload (higher is better)", bars, false, true, true, this::label, colours()));
            }
        }

        /** KiB per idle connection on the server (heap after full collections, resident set), per connection count. */
        void memory(List<JmhResult> rows) throws IOException {
            Map<String, List<BarChart.Bar>> byCount = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
            for (JmhResult r : rows) {
                Double heap = r.secondary().get(IdleConnectionMemory.HEAP_METRIC);
                Double rss = r.secondary().get(IdleConnectionMemory.RSS_METRIC);
                if (heap == null || rss == null || r.param(ParamNames.CONNECTIONS) == null) {
                    continue;
                }
                List<BarChart.Bar> bars = byCount.computeIfAbsent(r.param(ParamNames.CONNECTIONS), k -> new ArrayList<>());
                bars.add(new BarChart.Bar(r.param(ParamNames.SERVER), "server heap in use after full collections", heap, Double.NaN));
                bars.add(new BarChart.Bar(r.param(ParamNames.SERVER), "server resident set (RSS)", rss, Double.NaN));
            }
            for (Map.Entry<String, List<BarChart.Bar>> e : byCount.entrySet()) {
                String file = name + "-memory-" + e.getKey() + ".png";
                new BarChart("Memory per idle connection: " + String.format(Locale.ROOT, "%,d", Integer.parseInt(e.getKey()))
                        + " open connections, each upgraded and echoed once",
                        "what grew, in the server's own process", "one measurement per fork: no error bars", machine,
                        "KiB per connection (lower is better)", e.getValue(), false, false, true, this::label, colours()).write(out.resolve(file));
                written.add(file);
            }
        }

        private void draw(String kind, JmhResult any, boolean byPlacement, BarChart chart) throws IOException {
            String where = byPlacement ? any.param(ParamNames.PLACEMENT) : null;
            String file = name + "-" + kind + "-" + any.param(ParamNames.SIZE) + (where == null ? "" : "-" + where) + ".png";
            chart.write(out.resolve(file));
            written.add(file);
        }

        /** A series' legend label: a library's display name and the version the run loaded ("Netty 4.2.20.Final"), or a kernel in words. */
        String label(String series) {
            Library l = library(series);
            if (l == null) {
                return KERNELS.getOrDefault(series, series);
            }
            String version = provenance == null ? null : provenance.libraries().get(l.displayName());
            return version == null || "absent".equals(version) ? l.displayName() : l.displayName() + " " + version;
        }
    }

    /** A new chart's colours: each library its own, the other series the greys in the order they come. */
    private static Function<String, Color> colours() {
        Map<String, Color> greys = new HashMap<>();
        return series -> library(series) != null ? colour(series, 0) : greys.computeIfAbsent(series, s -> GREYS[greys.size() % GREYS.length]);
    }

    /** Rows by size (and placement), smallest size first. */
    private static Map<String, List<JmhResult>> panels(List<JmhResult> rows, boolean byPlacement) {
        Map<String, List<JmhResult>> out = new TreeMap<>();
        for (JmhResult r : rows) {
            String key = String.format(Locale.ROOT, "%09d", Integer.parseInt(r.param(ParamNames.SIZE)))
                    + (byPlacement ? " " + r.params().getOrDefault(ParamNames.PLACEMENT, Placement.FREE.name()) : "");
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static List<JmhResult> sortedBySize(List<JmhResult> rows) {
        return rows.stream().sorted(Comparator.comparingInt(r -> Integer.parseInt(r.param(ParamNames.SIZE)))).toList();
    }

    private static String series(JmhResult r) {
        return r.param(ParamNames.SERVER) == null ? RAW_TCP : r.param(ParamNames.SERVER);
    }

    /** An echo row's category: its client and message type in words ("reference client, binary"). */
    private static String category(JmhResult r) {
        return r.param(ParamNames.CLIENT) == null ? RAW_TCP : client(r.param(ParamNames.CLIENT)) + ", "
                + r.params().getOrDefault(ParamNames.TYPE, "BINARY").toLowerCase(Locale.ROOT);
    }

    private static boolean reference(JmhResult r) {
        return EchoClients.REFERENCE.equals(r.param(ParamNames.CLIENT));
    }

    private static String client(String name) {
        if (EchoClients.REFERENCE.equals(name)) {
            return "reference client";
        }
        if (EchoClients.JDK.equals(name)) {
            return "the JDK's client";
        }
        Library l = library(name);
        return (l == null ? name : l.displayName()) + " client";
    }

    private static String size(JmhResult r) {
        return String.format(Locale.ROOT, "%,d-byte", Integer.parseInt(r.param(ParamNames.SIZE)));
    }

    private static String placement(JmhResult r) {
        return Placement.inWords(r.params().getOrDefault(ParamNames.PLACEMENT, Placement.FREE.name()));
    }

    /** What a chart's error bars are, from the fewest and most forks among its rows. */
    static String forkNote(List<JmhResult> rows) {
        IntSummaryStatistics forks = rows.stream().mapToInt(r -> ForkSpread.of(r).forks()).summaryStatistics();
        int fewest = rows.isEmpty() ? 0 : forks.getMin();
        int most = rows.isEmpty() ? 0 : forks.getMax();
        if (most < 2) {
            return "one fork per row: no error bars";
        }
        return "error bars: 95 % interval of the mean over " + (fewest == most ? most + " forks" : fewest + "-" + most + " forks")
                + (fewest < 2 ? " (rows of one fork: none)" : "");
    }
}
