package dev.wsbench.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A release sweep as a picture: one panel per row, stacked in one PNG, versions along the x axis
 * and each version's change against the first (percent) with its 95 % interval as a band (the
 * interval's two edges), a zero line, and the flagged steps' versions marked in red (regressions)
 * or green (improvements).
 */
public final class SweepChart {
    private static final int WIDTH = 1100;
    private static final int PANEL_HEIGHT = 420;

    private SweepChart() {
    }

    /**
     * Writes the chart; returns its file.
     *
     * @param title what was swept, for each panel's title ("Netty under Vert.x")
     * @param library whose versions the x axis shows ("Netty")
     */
    public static Path write(ReleaseSweep sweep, String title, String library, Path file) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (ReleaseSweep.Row r : sweep.rows()) {
            if (r.points().size() >= 2) {
                panels.add(BitmapEncoder.getBufferedImage(panel(title, library, r)));
            }
        }
        BufferedImage out = new BufferedImage(WIDTH, Math.max(1, panels.size()) * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), 0, i * PANEL_HEIGHT, null);
        }
        g.dispose();
        ImageIO.write(out, "png", file.toFile());
        return file;
    }

    static CategoryChart panel(String title, String library, ReleaseSweep.Row r) {
        String first = r.points().get(0).version();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title(title + ": " + r.key() + " (" + r.rounds() + " rounds)")
                .xAxisTitle(library + " version").yAxisTitle("change against " + first + " (%, " + (r.higherIsBetter() ? "higher" : "lower")
                        + " is better)").build();
        CategoryStyler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setXAxisLabelRotation(r.points().size() > 8 ? 45 : 0);
        s.setAxisTitleFont(s.getAxisTitleFont().deriveFont(11f));
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(12f));
        s.setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        List<String> x = r.points().stream().map(ReleaseSweep.Point::version).toList();
        List<Double> change = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        List<Double> zero = new ArrayList<>();
        List<Double> worse = new ArrayList<>();
        List<Double> better = new ArrayList<>();
        for (int i = 0; i < r.points().size(); i++) {
            ReleaseSweep.Point p = r.points().get(i);
            change.add(p.changePercent());
            low.add(Double.isNaN(p.lowPercent()) ? null : p.lowPercent());
            high.add(Double.isNaN(p.highPercent()) ? null : p.highPercent());
            zero.add(0.0);
            PairedComparison.Row step = i == 0 ? null : r.steps().get(i - 1).comparison();
            worse.add(step != null && step.regression() ? p.changePercent() : null);
            better.add(step != null && step.improvement() ? p.changePercent() : null);
        }
        line(chart, "no change", x, zero, Color.GRAY, SeriesLines.DASH_DASH, SeriesMarkers.NONE);
        line(chart, "95 % interval", x, low, new Color(120, 150, 220), SeriesLines.DOT_DOT, SeriesMarkers.NONE);
        line(chart, "95 % interval (upper)", x, high, new Color(120, 150, 220), SeriesLines.DOT_DOT, SeriesMarkers.NONE).setShowInLegend(false);
        line(chart, "change against " + first, x, change, new Color(30, 60, 160), SeriesLines.SOLID, SeriesMarkers.CIRCLE);
        if (worse.stream().anyMatch(v -> v != null)) {
            line(chart, "step flagged worse", x, worse, new Color(200, 30, 30), SeriesLines.NONE, SeriesMarkers.DIAMOND);
        }
        if (better.stream().anyMatch(v -> v != null)) {
            line(chart, "step flagged better", x, better, new Color(20, 140, 60), SeriesLines.NONE, SeriesMarkers.DIAMOND);
        }
        s.setDecimalPattern("0.0");
        s.setOverlapped(true); // every series at the version's own position, not side by side
        return chart;
    }

    private static CategorySeries line(CategoryChart chart, String name, List<String> x, List<Double> y, Color colour,
                                       BasicStroke stroke, Marker marker) {
        CategorySeries series = chart.addSeries(name, x, y);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setFillColor(colour);
        series.setLineStyle(stroke);
        series.setMarker(marker);
        return series;
    }
}
