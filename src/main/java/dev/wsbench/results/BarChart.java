package dev.wsbench.results;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * One chart of a report: bars grouped by category along the axis, one series per library (or part,
 * in a stacked chart), every bar labelled with its value. Error bars where a bar has one (NaN:
 * none). Bars spanning more than a factor of {@value #LOG_SCALE_ABOVE} get a logarithmic axis when
 * the chart allows it, and then no error bars (a bar's interval may reach below the axis), which
 * the axis title says.
 *
 * @param title the chart's title, in words
 * @param categories what the categories along the axis are
 * @param errorNote what the error bars are, said under the axis when they are drawn (or that there are none)
 * @param machine where the figures were measured, said under the axis
 * @param yTitle the unit, and which way is better
 * @param bars the bars
 * @param stacked whether a category's series stack (parts of one whole) rather than stand side by side
 * @param allowLog whether a wide span may use a logarithmic axis
 * @param zeroBased whether the axis starts at zero (false where a value may be negative)
 * @param label a series' legend entry
 * @param colour a series' colour
 */
record BarChart(String title, String categories, String errorNote, String machine, String yTitle, List<Bar> bars, boolean stacked,
                boolean allowLog, boolean zeroBased, Function<String, String> label, Function<String, Color> colour) {
    /** Bars spanning more than this factor get a logarithmic axis (masking: libraries beside a plain copy). */
    static final double LOG_SCALE_ABOVE = 20;

    /** One bar: its series, its category, its height, and the half-width of its error bar (NaN: none). */
    record Bar(String series, String category, double value, double error) {
    }

    void write(Path file) throws IOException {
        List<String> axis = new ArrayList<>();
        Map<String, Map<String, Bar>> bySeries = new LinkedHashMap<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        boolean errors = false;
        for (Bar b : bars) {
            if (!axis.contains(b.category())) {
                axis.add(b.category());
            }
            bySeries.computeIfAbsent(b.series(), k -> new LinkedHashMap<>()).put(b.category(), b);
            if (b.value() > 0) {
                min = Math.min(min, b.value());
                max = Math.max(max, b.value());
            }
            errors |= !Double.isNaN(b.error());
        }
        boolean log = allowLog && !stacked && max / min > LOG_SCALE_ABOVE;
        errors &= !log && !stacked;
        String note = log ? "logarithmic axis: no error bars (the tables give the spread)" : errorNote;
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(600).title(title)
                .xAxisTitle(String.join(" · ", categories, note, machine)).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setStacked(stacked);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsRotation(stacked ? 0 : 90);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setDecimalPattern(min >= 100 ? "#,##0" : min >= 1 ? "0.0" : "0.00");
        chart.getStyler().setXAxisLabelRotation(axis.size() > 5 ? 30 : 0);
        chart.getStyler().setAxisTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(11f));
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        if (log) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min)))); // bars need a positive base
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
        } else if (zeroBased) {
            chart.getStyler().setYAxisMin(0.0);
        }
        for (Map.Entry<String, Map<String, Bar>> s : bySeries.entrySet()) {
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String c : axis) {
                Bar b = s.getValue().get(c);
                // no bar where the series has no result for the category; stacked series need a zero there
                y.add(b == null ? (stacked ? 0.0 : null) : b.value());
                err.add(b == null || Double.isNaN(b.error()) ? 0.0 : b.error());
            }
            CategorySeries added = errors ? chart.addSeries(label.apply(s.getKey()), axis, y, err)
                    : chart.addSeries(label.apply(s.getKey()), axis, y);
            added.setFillColor(colour.apply(s.getKey()));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
