package dev.wsbench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * {@code mvn jmh:report -Dresult=A.json [-Dout=DIR]}: the run's tables as Markdown (with bytes
 * allocated per operation where {@code -prof gc} ran) and, per payload size, grouped bar charts:
 * echo round trips per second with JMH's 99.9 % error bars (servers grouped, one bar per client, raw
 * TCP beside them); masking and parsing as payload bytes per second, derived from time per operation
 * (without error bars: the tables give JMH's). Exit code 2 with a message on unusable input.
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Report RESULT.json [OUTPUT-DIR]");
            System.exit(2);
        }
        try {
            Path result = Path.of(args[0]);
            Path out = args.length == 2 ? Path.of(args[1]) : result.toAbsolutePath().getParent();
            Path md = write(JmhResultFile.read(result), result, out);
            System.out.println("report: " + md);
        } catch (ResultFileException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: cannot write the report: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Writes NAME-report.md and NAME-KIND-SIZE.png files into {@code out}; returns the Markdown file. */
    public static Path write(List<JmhResult> results, Path resultFile, Path out) throws IOException {
        Files.createDirectories(out);
        String name = resultFile.getFileName().toString().replaceFirst("\\.json$", "");
        StringBuilder md = new StringBuilder("# Benchmark report: " + resultFile.getFileName() + "\n");
        Provenance p = Provenance.readBeside(resultFile);
        if (p != null) {
            md.append("\nLibraries: ").append(p.libraries()).append("\n");
        }
        List<String> charts = new ArrayList<>();
        // raw TCP joins the first series as a category of its own, so no series has an empty slot for it
        String firstEchoSeries = results.stream().filter(r -> r.shortName().equals("EchoBenchmark.roundTrip"))
                .map(r -> r.param("client") + " " + r.param("type")).findFirst().orElse("raw TCP");
        charts.addAll(chart(results, out, name, "echo", "round trips/s", JmhResult::score, true,
                r -> r.shortName().equals("EchoBenchmark.roundTrip") || r.shortName().equals("RawTcpEchoBenchmark.roundTrip"),
                r -> r.param("server") == null ? "raw TCP" : r.param("server"),
                r -> r.param("client") == null ? firstEchoSeries : r.param("client") + " " + r.param("type")));
        charts.addAll(chart(results, out, name, "masking", "GB/s of payload", r -> Double.parseDouble(r.param("size")) / r.score(), false,
                r -> r.shortName().startsWith("MaskingBenchmark."),
                r -> r.param("library") != null && !"N/A".equals(r.param("library")) ? r.param("library") : r.param("kernel"),
                r -> r.param("buffer")));
        charts.addAll(chart(results, out, name, "parsing", "MB/s of payload", r -> Double.parseDouble(r.param("size")) * 1000 / r.score(), false,
                r -> r.shortName().equals("ParsingBenchmark.parse"),
                r -> r.param("library"),
                r -> r.param("side") + " " + r.param("type") + " " + r.param("shape")));
        for (String c : charts) {
            md.append("\n![").append(c).append("](").append(c).append(")\n");
        }
        md.append(RunSummary.markdown(results));
        Path file = out.resolve(name + "-report.md");
        Files.writeString(file, md.toString());
        return file;
    }

    /** One chart per payload size; returns the file names written. */
    private static List<String> chart(List<JmhResult> results, Path out, String name, String kind, String unit,
                                      Function<JmhResult, Double> value, boolean errorBars,
                                      Predicate<JmhResult> select, Function<JmhResult, String> category,
                                      Function<JmhResult, String> series) throws IOException {
        Map<Integer, List<JmhResult>> bySize = new TreeMap<>();
        for (JmhResult r : results) {
            if (select.test(r) && r.param("size") != null) {
                bySize.computeIfAbsent(Integer.parseInt(r.param("size")), k -> new ArrayList<>()).add(r);
            }
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<Integer, List<JmhResult>> e : bySize.entrySet()) {
            List<String> categories = new ArrayList<>();
            Map<String, Map<String, JmhResult>> bySeries = new LinkedHashMap<>();
            for (JmhResult r : e.getValue()) {
                String c = category.apply(r);
                if (!categories.contains(c)) {
                    categories.add(c);
                }
                bySeries.computeIfAbsent(series.apply(r), k -> new LinkedHashMap<>()).put(c, r);
            }
            CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                    .title(kind + ", " + e.getKey() + " bytes").yAxisTitle(unit).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setErrorBarsColorSeriesColor(true);
            chart.getStyler().setOverlapped(false);
            chart.getStyler().setXAxisLabelRotation(categories.size() > 5 ? 30 : 0);
            chart.getStyler().setYAxisMin(0.0);
            for (Map.Entry<String, Map<String, JmhResult>> s : bySeries.entrySet()) {
                List<Double> y = new ArrayList<>();
                List<Double> err = new ArrayList<>();
                for (String c : categories) {
                    JmhResult r = s.getValue().get(c);
                    if (r == null) {
                        y.add(null); // no bar: this series has no result for the category
                        err.add(null);
                        continue;
                    }
                    y.add(value.apply(r));
                    err.add(Double.isNaN(r.scoreError()) ? 0.0 : r.scoreError());
                }
                if (errorBars) {
                    chart.addSeries(s.getKey(), categories, y, err);
                } else {
                    chart.addSeries(s.getKey(), categories, y); // rates derived from ns/op: the tables carry JMH's ±
                }
            }
            String file = name + "-" + kind + "-" + e.getKey() + ".png";
            BitmapEncoder.saveBitmap(chart, out.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
            written.add(file);
        }
        return written;
    }
}
