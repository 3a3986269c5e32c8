package dev.wsbench.results;

import dev.wsbench.ParamNames;
import dev.wsbench.BenchmarkNames;
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
import java.awt.Color;
import dev.wsbench.library.Library;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * {@code mvn jmh:report -Dresult=A.json [-Dout=DIR]}: the run's tables as Markdown (with bytes
 * allocated per operation where {@code -prof gc} ran) and grouped bar charts: echo round trips per
 * second per payload size and placement, with JMH's 99.9 % error bars (one bar per server, raw TCP
 * beside them, clients grouped); masking and parsing as payload bytes per second per size, derived
 * from time per operation (without error bars: the tables give JMH's). Every bar carries its value;
 * each library has one colour in every chart (reference kernels and raw TCP are grey); a chart whose
 * bars span more than a factor of {@value #LOG_SCALE_ABOVE} uses a logarithmic axis (not echo, whose
 * error bars may reach zero); the title names the placement, the caption under the chart the machine
 * and JDK, and each legend entry the library version the run loaded (from the run's provenance). Exit
 * code 2 with a message on unusable input.
 */
public final class Report {
    /** Bars spanning more than this factor get a logarithmic axis (masking: libraries beside a plain copy). */
    static final double LOG_SCALE_ABOVE = 20;

    /** One colour per library, by its place in the registry; enough for 12 libraries before repeating. */
    private static final Color[] LIBRARY_COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x393b79),
        new Color(0xad494a), new Color(0x637939)};
    private static final Color[] GREYS = {new Color(0x404040), new Color(0x707070), new Color(0x999999), new Color(0xbbbbbb)};

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

    /** Writes NAME-report.md and NAME-KIND-SIZE[-PLACEMENT].png files into {@code out}; returns the Markdown file. */
    public static Path write(List<JmhResult> results, Path resultFile, Path out) throws IOException {
        Files.createDirectories(out);
        String name = resultFile.getFileName().toString().replaceFirst("\\.json$", "");
        StringBuilder md = new StringBuilder("# Benchmark report: " + resultFile.getFileName() + "\n");
        Provenance p = Provenance.readBeside(resultFile);
        if (p != null) {
            md.append("\nLibraries: ").append(p.libraries()).append("\n");
        }
        String caption = p == null ? "no provenance beside the result file" : p.machine();
        Function<String, String> label = series -> label(series, p);
        List<String> charts = new ArrayList<>();
        charts.addAll(chart(results, out, name, "echo", "round trips/s", caption, label, JmhResult::score, true,
                r -> r.shortName().equals(BenchmarkNames.ECHO) || r.shortName().equals(BenchmarkNames.RAW_TCP_ECHO),
                r -> r.param(ParamNames.PLACEMENT),
                r -> r.param(ParamNames.SERVER) == null ? "raw TCP" : r.param(ParamNames.SERVER),
                r -> r.param(ParamNames.CLIENT) == null ? null : r.param(ParamNames.CLIENT) + " " + r.param(ParamNames.TYPE)));
        charts.addAll(chart(results, out, name, "masking", "GB/s of payload", caption, label, r -> Double.parseDouble(r.param(ParamNames.SIZE)) / r.score(), false,
                r -> r.benchmarkClass().equals(BenchmarkNames.className(BenchmarkNames.MASKING_LIBRARY)),
                r -> null,
                r -> r.param(ParamNames.LIBRARY) != null && !"N/A".equals(r.param(ParamNames.LIBRARY)) ? r.param(ParamNames.LIBRARY) : r.param(ParamNames.KERNEL),
                r -> r.param(ParamNames.BUFFER)));
        charts.addAll(chart(results, out, name, "parsing", "MB/s of payload", caption, label, r -> Double.parseDouble(r.param(ParamNames.SIZE)) * 1000 / r.score(), false,
                r -> r.shortName().equals(BenchmarkNames.PARSING),
                r -> null,
                r -> r.param(ParamNames.LIBRARY),
                r -> r.param(ParamNames.SIDE) + " " + r.param(ParamNames.TYPE) + " " + r.param(ParamNames.SHAPE)));
        for (String c : charts) {
            md.append("\n![").append(c).append("](").append(c).append(")\n");
        }
        md.append(RunSummary.markdown(results));
        Path file = out.resolve(name + "-report.md");
        Files.writeString(file, md.toString());
        return file;
    }

    /** A series' legend label: a library's display name and the version the run loaded ("Netty 4.2.20.Final"). */
    private static String label(String series, Provenance p) {
        Library l = library(series);
        if (l == null) {
            return series;
        }
        String version = p == null ? null : p.libraries().get(l.displayName());
        return version == null || "absent".equals(version) ? l.displayName() : l.displayName() + " " + version;
    }

    private static Library library(String series) {
        for (Library l : Library.values()) {
            if (l.name().equals(series)) {
                return l;
            }
        }
        return null;
    }

    /** The colour of a bar series: its library's, or a grey for raw TCP and the reference kernels. */
    static Color colour(String series, int greyIndex) {
        Library l = library(series);
        return l != null ? LIBRARY_COLOURS[l.ordinal() % LIBRARY_COLOURS.length] : GREYS[greyIndex % GREYS.length];
    }

    /**
     * One chart per payload size (and per placement, where rows have one); one bar series per
     * library (or raw TCP / kernel), categories along the axis; returns the file names written.
     * A row whose category is null joins the first category (raw TCP beside the first client).
     */
    private static List<String> chart(List<JmhResult> results, Path out, String name, String kind, String unit,
                                      String caption, Function<String, String> label,
                                      Function<JmhResult, Double> value, boolean errorBars, Predicate<JmhResult> select,
                                      Function<JmhResult, String> panel, Function<JmhResult, String> series,
                                      Function<JmhResult, String> category) throws IOException {
        Map<String, List<JmhResult>> byPanel = new TreeMap<>();
        for (JmhResult r : results) {
            if (select.test(r) && r.param(ParamNames.SIZE) != null) {
                String key = String.format("%09d", Integer.parseInt(r.param(ParamNames.SIZE))) + (panel.apply(r) == null ? "" : " " + panel.apply(r));
                byPanel.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, List<JmhResult>> e : byPanel.entrySet()) {
            JmhResult any = e.getValue().get(0);
            String size = any.param(ParamNames.SIZE);
            String where = panel.apply(any);
            List<String> categories = new ArrayList<>();
            for (JmhResult r : e.getValue()) {
                String c = category.apply(r);
                if (c != null && !categories.contains(c)) {
                    categories.add(c);
                }
            }
            if (categories.isEmpty()) {
                categories.add("");
            }
            Map<String, Map<String, JmhResult>> bySeries = new LinkedHashMap<>();
            double min = Double.MAX_VALUE;
            double max = 0;
            for (JmhResult r : e.getValue()) {
                String c = category.apply(r) == null ? categories.get(0) : category.apply(r);
                bySeries.computeIfAbsent(series.apply(r), k -> new LinkedHashMap<>()).put(c, r);
                double v = value.apply(r);
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            boolean log = !errorBars && max / min > LOG_SCALE_ABOVE; // an error bar may reach below zero
            CategoryChart chart = new CategoryChartBuilder().width(1100).height(600)
                    .title(kind + ", " + size + " bytes" + (where == null ? "" : ", placement " + where)
                            + (log ? " (logarithmic axis)" : ""))
                    .xAxisTitle(caption).yAxisTitle(unit).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setErrorBarsColorSeriesColor(false);
            chart.getStyler().setErrorBarsColor(Color.BLACK);
            chart.getStyler().setOverlapped(false);
            chart.getStyler().setLabelsVisible(true);
            chart.getStyler().setLabelsRotation(90);
            chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
            chart.getStyler().setLabelsFontColor(Color.BLACK);
            chart.getStyler().setDecimalPattern(min >= 100 ? "#,##0" : min >= 1 ? "0.0" : "0.00");
            chart.getStyler().setXAxisLabelRotation(categories.size() > 5 ? 30 : 0);
            chart.getStyler().setAxisTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(11f));
            if (log) {
                chart.getStyler().setYAxisLogarithmic(true);
                chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min)))); // bars need a positive base
                chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
            } else {
                chart.getStyler().setYAxisMin(0.0);
            }
            int greys = 0;
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
                String legend = label.apply(s.getKey());
                CategorySeries added = errorBars ? chart.addSeries(legend, categories, y, err)
                        : chart.addSeries(legend, categories, y); // rates derived from ns/op: the tables carry JMH's ±
                Color colour = colour(s.getKey(), greys);
                if (colour == GREYS[greys % GREYS.length]) {
                    greys++;
                }
                added.setFillColor(colour);
            }
            String file = name + "-" + kind + "-" + size + (where == null ? "" : "-" + where) + ".png";
            BitmapEncoder.saveBitmap(chart, out.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
            written.add(file);
        }
        return written;
    }
}
