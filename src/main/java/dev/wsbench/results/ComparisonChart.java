package dev.wsbench.results;

import dev.wsbench.Arguments;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A paired comparison as a picture (a forest plot): one line per row with its change, its 95 %
 * interval, the {@code --fail-above} threshold and the smallest change the run could detect,
 * coloured by verdict. Every row is drawn as a performance change, right is better (throughput up,
 * time per operation down), so that rows of both kinds read alike; the table beside it keeps each
 * row's own sign.
 */
public final class ComparisonChart {
    static final Color REGRESSION = new Color(200, 30, 30);
    static final Color BETTER = new Color(20, 140, 60);
    static final Color WITHIN = new Color(220, 140, 0);
    static final Color NOT_SIGNIFICANT = new Color(110, 110, 110);
    static final Color DETECTABLE = new Color(60, 90, 200);

    private static final int WIDTH = 1200;
    private static final int ROW_HEIGHT = 30;
    private static final int TOP = 70;
    private static final int BOTTOM = 60;
    private static final int LABEL_WIDTH = 470;
    private static final int RIGHT = 40;

    private ComparisonChart() {
    }

    /** Writes the picture of {@code comparison} to {@code file}, titled {@code title}; returns the file. */
    public static Path write(PairedComparison comparison, double thresholdPercent, String title, Path file) throws IOException {
        List<PairedComparison.Row> rows = comparison.rows();
        int height = TOP + Math.max(1, rows.size()) * ROW_HEIGHT + BOTTOM;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        double range = range(rows, thresholdPercent);
        int left = LABEL_WIDTH;
        int right = WIDTH - RIGHT;
        int plotBottom = TOP + rows.size() * ROW_HEIGHT;
        Axis x = new Axis(-range, range, left, right);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        legend(g, 10, 44, thresholdPercent);

        // grid, zero and threshold lines
        double step = niceStep(range);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (double t = -Math.floor(range / step) * step; t <= range + 1e-9; t += step) {
            int px = x.at(t);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(px, TOP - 5, px, plotBottom);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%+.0f%%", t).replace("+0%", "0%");
            g.drawString(label, px - fm.stringWidth(label) / 2, plotBottom + 16);
        }
        g.setColor(Color.BLACK);
        g.drawLine(x.at(0), TOP - 5, x.at(0), plotBottom);
        if (thresholdPercent > 0) {
            g.setColor(REGRESSION);
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(x.at(-thresholdPercent), TOP - 5, x.at(-thresholdPercent), plotBottom);
            g.setColor(BETTER);
            g.drawLine(x.at(thresholdPercent), TOP - 5, x.at(thresholdPercent), plotBottom);
            g.setStroke(new BasicStroke(1));
        }
        g.setColor(Color.BLACK);
        String axis = "change, candidate against baseline (%): left is worse, right is better (a time per operation's change with its sign turned)";
        g.drawString(axis, left + (right - left - fm.stringWidth(axis)) / 2, plotBottom + 36);

        Set<String> shared = sharedParams(rows);
        for (int i = 0; i < rows.size(); i++) {
            PairedComparison.Row r = rows.get(i);
            int y = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
            g.setColor(i % 2 == 0 ? new Color(248, 248, 248) : Color.WHITE);
            g.fillRect(0, y - ROW_HEIGHT / 2, left - 5, ROW_HEIGHT);
            g.setColor(Color.BLACK);
            g.drawString(fit(label(r, shared), fm, left - 15), 10, y + 4);
            double sign = r.higherIsBetter() ? 1 : -1;
            Color colour = colour(r);
            if (r.canDetect() && Double.isFinite(r.detectablePercent())) {
                g.setColor(DETECTABLE);
                for (double d : new double[] {-r.detectablePercent(), r.detectablePercent()}) {
                    int px = x.at(d);
                    g.drawLine(px, y - 7, px, y + 7);
                }
            }
            g.setColor(colour);
            if (!Double.isNaN(r.lowPercent())) {
                g.setStroke(new BasicStroke(3));
                g.drawLine(x.at(sign * r.lowPercent()), y, x.at(sign * r.highPercent()), y);
                g.setStroke(new BasicStroke(1));
            }
            int px = x.at(sign * r.changePercent());
            g.fillOval(px - 5, y - 5, 10, 10);
            String value = String.format(Locale.ROOT, "%+.1f%% %s", sign * r.changePercent(), r.verdict());
            int tx = Math.min(right - fm.stringWidth(value), px + 8);
            g.drawString(value, tx, y - 7);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static Color colour(PairedComparison.Row r) {
        if (r.regression()) {
            return REGRESSION;
        }
        if (r.improvement()) {
            return BETTER;
        }
        return r.significant() ? WITHIN : NOT_SIGNIFICANT;
    }

    private static void legend(Graphics2D g, int x, int y, double thresholdPercent) {
        Object[][] items = {{REGRESSION, "REGRESSION"}, {BETTER, "better"}, {WITHIN, "significant, within the threshold"},
            {NOT_SIGNIFICANT, "~ not significant"}, {DETECTABLE, "| smallest detectable change (80 % power)"}};
        for (Object[] item : items) {
            g.setColor((Color) item[0]);
            g.fillRect(x, y - 9, 10, 10);
            g.setColor(Color.BLACK);
            String text = (String) item[1];
            g.drawString(text, x + 14, y);
            x += 22 + g.getFontMetrics().stringWidth(text);
        }
        g.drawString(thresholdPercent > 0 ? "dashed: --fail-above " + Arguments.plain(thresholdPercent) + " %" : "no --fail-above threshold", x, y);
        g.drawString("bar: 95 % interval (exact signed-rank); dot: Hodges-Lehmann estimate", 10, y + 16);
    }

    /** The row's benchmark and the parameters that tell it from the other rows. */
    static String label(PairedComparison.Row r, Set<String> shared) {
        String key = r.key();
        int brace = key.indexOf('{');
        String name = brace < 0 ? key : key.substring(0, brace).trim();
        name = name.replaceFirst(" (thrpt|avgt|sample|ss)$", "");
        if (brace < 0) {
            return name;
        }
        StringBuilder s = new StringBuilder(name);
        for (String kv : key.substring(brace + 1, key.lastIndexOf('}')).split(", ")) {
            if (!shared.contains(kv)) {
                s.append(' ').append(kv);
            }
        }
        return s.toString();
    }

    /**
     * The {@code name=value} pairs left out of the labels: a parameter with one value in every row
     * that has it (the placement, the server, the buffer) tells no row from another.
     */
    static Set<String> sharedParams(List<PairedComparison.Row> rows) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (PairedComparison.Row r : rows) {
            int brace = r.key().indexOf('{');
            if (brace >= 0) {
                for (String kv : r.key().substring(brace + 1, r.key().lastIndexOf('}')).split(", ")) {
                    values.computeIfAbsent(kv.substring(0, Math.max(0, kv.indexOf('='))), k -> new LinkedHashSet<>()).add(kv);
                }
            }
        }
        Set<String> shared = new LinkedHashSet<>();
        values.values().stream().filter(v -> v.size() == 1).forEach(shared::addAll);
        return rows.size() < 2 ? Set.of() : shared;
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 4 && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    /** The half-width of the x axis: every interval, the threshold and every detectable change, with a margin; at least 5 %. */
    static double range(List<PairedComparison.Row> rows, double thresholdPercent) {
        double m = Math.max(5, thresholdPercent);
        for (PairedComparison.Row r : rows) {
            for (double v : new double[] {r.changePercent(), r.lowPercent(), r.highPercent(), r.detectablePercent()}) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m * 1.15;
    }

    static double niceStep(double range) {
        double raw = range / 4;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * p >= raw) {
                return f * p;
            }
        }
        return 10 * p;
    }

    /** Percent to pixels. */
    private record Axis(double min, double max, int from, int to) {
        int at(double v) {
            double c = Math.max(min, Math.min(max, v));
            return (int) Math.round(from + (c - min) / (max - min) * (to - from));
        }
    }
}
