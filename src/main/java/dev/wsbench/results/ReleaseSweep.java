package dev.wsbench.results;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A release sweep's statistics: several versions of one library, each measured once per row in
 * every round of an interleaved run, so that fork {@code i} of every version ran in round {@code i}
 * and the machine's drift cancels in their ratios.
 *
 * <p>Per row: each version's change against the first version, with the exact signed-rank 95 %
 * interval of {@link PairedComparison} (rounds are the pairs); and a verdict per <b>step</b>, each
 * pair of adjacent versions, from the same paired test. The step test is a change-point test over
 * the sequence: a step is flagged when its exact two-sided signed-rank p-value, corrected with Holm
 * over every step of every row of the sweep (one family, so an A/A sweep flags nothing with 95 %
 * probability however many rows it has), is below alpha, and, like a comparison's regression, its
 * whole interval lies beyond the threshold. Chosen over E-divisive (what Apache Otava runs over a
 * history of single results): a sweep has paired rounds, which the step test uses and E-divisive
 * does not, its error rate holds at any number of rounds without permutations, and each verdict
 * names one release step, the question a maintainer asks.
 *
 * <p>A version without results for a row (its fork failed there) is left out of that row: its
 * neighbours form the step, and the row lists why.
 */
public final class ReleaseSweep {
    /** One version on one row: its median and its change against the row's first version (NaN bounds under 6 rounds). */
    public record Point(String version, double median, double changePercent, double lowPercent, double highPercent) {
    }

    /** One row: its points in version order, the steps between adjacent ones, and the versions it lacks with the reason. */
    public record Row(String key, String unit, boolean higherIsBetter, int rounds, List<Point> points, List<Step> steps,
                      Map<String, String> missing) {
    }

    /** A step between adjacent versions of a row, with its paired comparison (p Holm-corrected over all steps). */
    public record Step(String from, String to, PairedComparison.Row comparison) {
    }

    private final List<Row> rows;
    private final double thresholdPercent;
    private final int stepCount;

    private ReleaseSweep(List<Row> rows, double thresholdPercent, int stepCount) {
        this.rows = rows;
        this.thresholdPercent = thresholdPercent;
        this.stepCount = stepCount;
    }

    /**
     * @param versions the versions in sweep order (oldest first)
     * @param results per version, its merged results (every row's forks in round order)
     * @param missing per row key, versions without results and why (their forks failed)
     * @throws ResultFileException when two versions have different numbers of rounds on a row
     */
    public static ReleaseSweep of(List<String> versions, List<List<JmhResult>> results, Map<String, Map<String, String>> missing,
                                  double thresholdPercent) {
        Set<String> keys = new LinkedHashSet<>();
        List<Map<String, JmhResult>> byVersion = new ArrayList<>();
        for (List<JmhResult> list : results) {
            Map<String, JmhResult> m = new LinkedHashMap<>();
            list.forEach(r -> m.put(r.key(), r));
            keys.addAll(m.keySet());
            byVersion.add(m);
        }
        keys.addAll(missing.keySet());
        List<List<Integer>> present = new ArrayList<>();
        List<List<PairedComparison.Row>> raw = new ArrayList<>();
        List<Double> allP = new ArrayList<>();
        List<String> keyList = new ArrayList<>(keys);
        for (String key : keyList) {
            List<Integer> here = new ArrayList<>();
            int rounds = -1;
            for (int v = 0; v < versions.size(); v++) {
                JmhResult r = byVersion.get(v).get(key);
                if (r == null) {
                    continue;
                }
                if (rounds >= 0 && r.forkSamples().length != rounds) {
                    throw new ResultFileException(key + ": " + versions.get(v) + " has " + r.forkSamples().length + " rounds, the versions before it "
                            + rounds + "; a sweep's versions must come from one interleaved run");
                }
                rounds = r.forkSamples().length;
                here.add(v);
            }
            present.add(here);
            List<PairedComparison.Row> steps = new ArrayList<>();
            for (int i = 0; i + 1 < here.size(); i++) {
                JmhResult a = byVersion.get(here.get(i)).get(key);
                JmhResult b = byVersion.get(here.get(i + 1)).get(key);
                PairedComparison.Row s = PairedComparison.row(key, a.unit(), a.higherIsBetter(), a.forkSamples(), b.forkSamples(), thresholdPercent);
                steps.add(s);
                allP.add(s.p());
            }
            raw.add(steps);
        }
        double[] adjusted = Tables.holm(allP.stream().mapToDouble(Double::doubleValue).toArray());
        int m = allP.size();
        List<Row> rows = new ArrayList<>();
        int k = 0;
        for (int r = 0; r < keyList.size(); r++) {
            String key = keyList.get(r);
            List<Integer> here = present.get(r);
            List<Point> points = new ArrayList<>();
            JmhResult first = here.isEmpty() ? null : byVersion.get(here.get(0)).get(key);
            for (int v : here) {
                JmhResult res = byVersion.get(v).get(key);
                PairedComparison.Row vsFirst = PairedComparison.row(key, res.unit(), res.higherIsBetter(), first.forkSamples(), res.forkSamples(),
                        thresholdPercent);
                points.add(new Point(versions.get(v), PairedComparison.median(res.forkSamples()), vsFirst.changePercent(), vsFirst.lowPercent(),
                        vsFirst.highPercent()));
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < raw.get(r).size(); i++, k++) {
                PairedComparison.Row s = raw.get(r).get(i);
                PairedComparison.Row adjustedRow = new PairedComparison.Row(s.key(), s.unit(), s.higherIsBetter(), s.pairs(), s.baselineMedian(),
                        s.candidateMedian(), s.changePercent(), s.lowPercent(), s.highPercent(), s.p(), adjusted[k], thresholdPercent,
                        s.spreadPercent(), PairedComparison.detectableChangePercent(s.pairs(), s.spreadPercent() / 100, m, thresholdPercent));
                steps.add(new Step(points.get(i).version(), points.get(i + 1).version(), adjustedRow));
            }
            Map<String, String> lacking = missing.getOrDefault(key, Map.of());
            rows.add(new Row(key, first == null ? "" : first.unit(), first == null || first.higherIsBetter(),
                    first == null ? 0 : first.forkSamples().length, points, steps, lacking));
        }
        return new ReleaseSweep(rows, thresholdPercent, m);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Steps over all rows: the size of the Holm family. */
    public int stepCount() {
        return stepCount;
    }

    /** Every flagged step (significant after Holm and beyond the threshold, either way) of every row. */
    public List<Step> flagged() {
        List<Step> out = new ArrayList<>();
        for (Row r : rows) {
            r.steps().stream().filter(s -> s.comparison().regression() || s.comparison().improvement()).forEach(out::add);
        }
        return out;
    }

    public boolean anyRegression() {
        return rows.stream().anyMatch(r -> r.steps().stream().anyMatch(s -> s.comparison().regression()));
    }

    /** Per row a table: every version's change against the first, and each step's change, p (Holm), detectable change and verdict. */
    public String format(boolean markdown) {
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            out.append(markdown ? "### " : "").append(r.key()).append(String.format(Locale.ROOT, " (%s, %s is better, %d rounds)%n", r.unit(),
                    r.higherIsBetter() ? "higher" : "lower", r.rounds()));
            if (markdown) {
                out.append('\n');
            }
            String first = r.points().isEmpty() ? "the first" : r.points().get(0).version();
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"version", "median", "vs " + first + " (95% CI)", "step from previous", "step 95% CI", "p (Holm)", "detectable",
                "verdict"});
            for (int i = 0; i < r.points().size(); i++) {
                Point p = r.points().get(i);
                String vsFirst = i == 0 ? "-" : String.format(Locale.ROOT, "%+.2f%% %s", p.changePercent(), interval(p.lowPercent(), p.highPercent()));
                if (i == 0) {
                    table.add(new String[] {p.version(), num(p.median()), vsFirst, "-", "-", "-", "-", "-"});
                    continue;
                }
                PairedComparison.Row s = r.steps().get(i - 1).comparison();
                table.add(new String[] {p.version(), num(p.median()), vsFirst, String.format(Locale.ROOT, "%+.2f%%", s.changePercent()),
                    interval(s.lowPercent(), s.highPercent()), String.format(Locale.ROOT, "%.3g", s.pAdjusted()),
                    PairedComparison.detectable(s, stepCount), s.verdict()});
            }
            out.append(Tables.format(table, markdown));
            r.missing().forEach((v, why) -> out.append("left out: ").append(v).append(": ").append(why).append('\n'));
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "vs first: this version/the row's first - 1, Hodges-Lehmann over the rounds, exact signed-rank 95%% interval;"
                + " step: this version/the previous one - 1, same test;%np (Holm): exact two-sided signed-rank p, Holm-corrected over all %d steps"
                + " of the sweep; REGRESSION / better: p (Holm) < %s and the whole interval beyond %s%% (worse / better);"
                + " ~: not significant;%ndetectable: the smallest step this sweep flags with %.0f%% power%n", stepCount, PairedComparison.ALPHA,
                num(thresholdPercent), PairedComparison.POWER * 100));
        return out.toString();
    }

    /** The sweep as JSON: per row its versions (median, change against the first, interval) and its steps (comparison and verdict). */
    public String toJson(String note) {
        JsonObject root = new JsonObject();
        root.addProperty("sweep", note);
        root.addProperty("alpha", PairedComparison.ALPHA);
        root.addProperty("thresholdPercent", thresholdPercent);
        root.addProperty("steps", stepCount);
        JsonArray list = new JsonArray();
        for (Row r : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("benchmark", r.key());
            o.addProperty("unit", r.unit());
            o.addProperty("higherIsBetter", r.higherIsBetter());
            o.addProperty("rounds", r.rounds());
            JsonArray points = new JsonArray();
            for (Point p : r.points()) {
                JsonObject j = new JsonObject();
                j.addProperty("version", p.version());
                j.add("median", PairedComparison.number(p.median()));
                j.add("changePercent", PairedComparison.number(p.changePercent()));
                j.add("intervalPercent", PairedComparison.interval(p.lowPercent(), p.highPercent()));
                points.add(j);
            }
            o.add("versions", points);
            JsonArray steps = new JsonArray();
            for (Step s : r.steps()) {
                JsonObject j = new JsonObject();
                j.addProperty("from", s.from());
                j.addProperty("to", s.to());
                PairedComparison.addTestFields(j, s.comparison());
                steps.add(j);
            }
            o.add("steps", steps);
            JsonObject missing = new JsonObject();
            r.missing().forEach(missing::addProperty);
            o.add("leftOut", missing);
            list.add(o);
        }
        root.add("rows", list);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root);
    }

    public static String interval(double low, double high) {
        return Double.isNaN(low) ? "n/a (< " + PairedComparison.MIN_PAIRS + " rounds)" : String.format(Locale.ROOT, "[%+.2f%%, %+.2f%%]", low, high);
    }

    private static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
