package dev.wsbench.results;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** The plain-text and Markdown tables the comparisons print: first row the header, numbers right-aligned in Markdown. */
final class Tables {
    private Tables() {
    }

    static String format(List<String[]> rows, boolean markdown) {
        return markdown ? markdown(rows) : text(rows);
    }

    static String text(List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                out.append(String.format("%-" + w[i] + "s", r[i])).append(i + 1 < r.length ? "  " : "\n");
            }
        }
        return out.toString();
    }

    static String markdown(List<String[]> rows) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            out.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                out.append("|---").append("|---:".repeat(rows.get(0).length - 1)).append("|\n");
            }
        }
        return out.toString();
    }

    /**
     * Holm's step-down correction (controls the family-wise error rate without assuming the rows are
     * independent, which they are not: they share a machine and a run): the i-th smallest of m
     * p-values becomes max over j <= i of min(1, (m - j + 1) p(j)). NaN p-values stay NaN and do not count.
     */
    static double[] holm(double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] adjusted = p.clone();
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1, (order.length - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
