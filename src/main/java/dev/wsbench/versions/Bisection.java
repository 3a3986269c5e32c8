package dev.wsbench.versions;

import dev.wsbench.Arguments.UsageException;
import dev.wsbench.ExitCode;
import dev.wsbench.results.PairedComparison;
import dev.wsbench.results.Provenance;
import dev.wsbench.results.ReleaseSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A noisy binary search for the release step that changed one row. Each step is a small sweep of
 * three versions, the two ends of the range left and its midpoint, in interleaved rounds, so both
 * halves are tested in one step with the same machine state; Holm over the two halves. Then:
 * <ul>
 *   <li>one half significant, the other not: the change is in that half, which becomes the range;</li>
 *   <li>both significant: the change is spread over both; the search follows the larger, and says so;</li>
 *   <li>neither: it cannot decide, and stops saying why (each half's detectable change against the
 *       ends' change: a change smaller than what a half can detect, or split across both).</li>
 * </ul>
 * It ends at two adjacent releases, printing that step's change with its interval. Every step has
 * the same number of rounds, chosen from the time left before it starts (never from the data), so
 * each step's error rate holds; the whole path's is at most the sum over its steps.
 */
final class Bisection {
    /** One step's outcome, as the path prints it. */
    record Step(int number, String low, String middle, String high, int rounds, PairedComparison.Row lowHalf, PairedComparison.Row highHalf,
                String decision) {
    }

    /** What a step's two halves say: which half holds the change, both, or neither. */
    enum Decision {
        LOW_HALF, HIGH_HALF, BOTH, NEITHER;

        static Decision of(PairedComparison.Row low, PairedComparison.Row high) {
            if (low.significant() && high.significant()) {
                return BOTH;
            }
            return low.significant() ? LOW_HALF : high.significant() ? HIGH_HALF : NEITHER;
        }
    }

    private Bisection() {
    }

    static ExitCode run(VersionSweep.Context c) throws IOException {
        SweepRequest request = c.request();
        int floor = PairedComparison.holmFloor(2);
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Provenance> provenance = new HashMap<>();
        Map<Integer, SweepRounds.Version> resolved = new HashMap<>();
        List<Step> path = new ArrayList<>();
        int lo = 0;
        int hi = c.versions().size() - 1;
        ForkRunner runner = c.runner();
        PairedComparison.Row result = null;
        String resultFrom = null;
        String resultTo = null;
        String stopped = null;
        PairedComparison.Row chosen = null; // the half the last step chose: this step's ends, measured again
        List<String> notes = new ArrayList<>();
        long started = System.nanoTime();
        try (SweepRounds rounds = c.rounds(runner)) {
            c.header("bisection over " + c.versions().size() + " versions, " + (request.rounds() > 0 ? request.rounds() + " rounds a step"
                    : "budget " + request.budget().toMinutes() + " min shared by the steps (at least " + floor + " rounds a step)"), rounds);
            for (int number = 1; ; number++) {
                SweepRounds.Version low = version(c, lo, resolved, skipped, provenance);
                SweepRounds.Version high = version(c, hi, resolved, skipped, provenance);
                if (low == null || high == null) {
                    int bad = low == null ? lo : hi;
                    stopped = "cannot decide: " + c.labels().get(bad) + " cannot be measured (" + skipped.get(c.labels().get(bad)) + ")";
                    break;
                }
                int mid = -1;
                SweepRounds.Version middle = null;
                for (int m : midpoints(lo, hi)) { // the middle first, then outwards: a release that does not resolve is skipped
                    middle = version(c, m, resolved, skipped, provenance);
                    if (middle != null) {
                        mid = m;
                        break;
                    }
                    System.out.println("skipped " + c.labels().get(m) + ": " + skipped.get(c.labels().get(m)));
                }
                if (hi - lo > 1 && middle == null) {
                    stopped = "cannot decide between " + low.label() + " and " + high.label() + ": no release between them can be measured";
                    break;
                }
                List<SweepRounds.Version> set = middle == null ? List.of(low, high) : List.of(low, middle, high);
                int stepsLeft = (int) Math.ceil(Math.log(hi - lo) / Math.log(2));
                rounds.clearForks();
                int wanted = request.rounds() > 0 ? request.rounds() : floor;
                long stepStarted = System.nanoTime();
                for (int round = 1; round <= wanted; round++) {
                    rounds.round("step" + number + "-", round, List.of(0), set, wanted);
                    if (round == 1 && request.rounds() == 0) {
                        double perRound = (System.nanoTime() - stepStarted) / 1e9;
                        int fit = (int) Math.floor(Math.max(0, c.secondsLeft()) / (Math.max(1, stepsLeft) * perRound));
                        wanted = Math.max(floor, Math.min(SweepRequest.MAX_ROUNDS, fit));
                        System.out.printf(Locale.ROOT, "budget: step %d: a round takes %.1f s; %d rounds (about %d steps to go, %.1f min left)%n", number,
                                perRound, wanted, Math.max(1, stepsLeft), c.secondsLeft() / 60);
                    }
                }
                String note = String.format(Locale.ROOT, "bisection of %s, step %d: %s, %d rounds, order seed %d", c.request().library().displayName(),
                        number, String.join(", ", set.stream().map(SweepRounds.Version::label).toList()), wanted, request.seed());
                ReleaseSweep step = c.analyse(request.out().resolve("step-" + number), set, rounds, provenance, note);
                Files.writeString(request.out().resolve("step-" + number).resolve("sweep.txt"), note + "\n\n" + step.format(false));
                ReleaseSweep.Row row = step.rows().get(0);
                if (!row.missing().isEmpty()) { // a fork that fails stops the search, as in a comparison: exit 2, naming it
                    throw new UsageException("the bisection cannot go on at step " + number + ": " + row.missing());
                }
                if (middle == null) {
                    result = row.steps().get(0).comparison();
                    resultFrom = low.label();
                    resultTo = high.label();
                    path.add(new Step(number, low.label(), null, high.label(), wanted, result, null, "adjacent"));
                    print(path.get(path.size() - 1));
                    break;
                }
                PairedComparison.Row a = row.steps().get(0).comparison();
                PairedComparison.Row b = row.steps().get(1).comparison();
                String unstable = chosen == null ? "" : notReproduced(chosen, row.points().get(row.points().size() - 1), low.label(), high.label());
                if (!unstable.isEmpty()) {
                    System.out.println(unstable);
                }
                Decision d = Decision.of(a, b);
                String decision = switch (d) {
                    case LOW_HALF -> "the change is between " + low.label() + " and " + middle.label();
                    case HIGH_HALF -> "the change is between " + middle.label() + " and " + high.label();
                    case BOTH -> "both halves changed (" + pct(a.changePercent()) + ", " + pct(b.changePercent()) + "): following the larger";
                    case NEITHER -> null;
                };
                if (d == Decision.NEITHER) {
                    ReleaseSweep.Point ends = row.points().get(row.points().size() - 1);
                    decision = String.format(Locale.ROOT, "cannot decide: neither half changed significantly (%s %s, detectable %s; %s %s, detectable %s);"
                                    + " the ends differ by %s %s; a change smaller than a half's detectable change, or one split across both halves,"
                                    + " needs more rounds (--rounds) or a longer --budget", pct(a.changePercent()),
                            ReleaseSweep.interval(a.lowPercent(), a.highPercent()), PairedComparison.detectable(a, 2), pct(b.changePercent()),
                            ReleaseSweep.interval(b.lowPercent(), b.highPercent()), PairedComparison.detectable(b, 2), pct(ends.changePercent()),
                            ReleaseSweep.interval(ends.lowPercent(), ends.highPercent()));
                }
                if (!unstable.isEmpty()) {
                    decision += "; " + unstable;
                    notes.add(unstable);
                }
                path.add(new Step(number, low.label(), middle.label(), high.label(), wanted, a, b, decision));
                print(path.get(path.size() - 1));
                if (d == Decision.NEITHER) {
                    stopped = decision;
                    break;
                }
                boolean lowHalf = d == Decision.LOW_HALF || (d == Decision.BOTH && Math.abs(a.changePercent()) >= Math.abs(b.changePercent()));
                chosen = lowHalf ? a : b;
                if (lowHalf) {
                    hi = mid;
                } else {
                    lo = mid;
                }
                if (hi - lo == 1) {
                    result = lowHalf ? a : b;
                    resultFrom = c.labels().get(lo);
                    resultTo = c.labels().get(hi);
                    break;
                }
            }
        }
        String summary = (stopped != null ? "bisect result: " + stopped
                : String.format(Locale.ROOT, "bisect result: the step %s -> %s: %s %s, p (Holm) %.3g: %s", resultFrom, resultTo,
                        pct(result.changePercent()), ReleaseSweep.interval(result.lowPercent(), result.highPercent()), result.pAdjusted(),
                        result.verdict())) + (notes.isEmpty() || (stopped != null && stopped.contains("note: ")) ? "" : "; " + String.join("; ", notes));
        StringBuilder text = new StringBuilder();
        path.forEach(s -> text.append(describe(s)).append('\n'));
        text.append(summary).append('\n');
        Files.writeString(request.out().resolve("bisect.txt"), text.toString());
        System.out.println(summary);
        System.out.printf(Locale.ROOT, "%d steps in %.1f min (%.1f min since the command started, Maven included); steps: %s/step-N/%n", path.size(),
                (System.nanoTime() - started) / 60e9, (System.currentTimeMillis() - request.startedAtMillis()) / 60e3, request.out());
        if (result != null && result.regression()) {
            System.err.printf(Locale.ROOT, "FAIL: %s -> %s regressed beyond %s %%%n", resultFrom, resultTo, request.failAbovePercent());
            return ExitCode.REGRESSION;
        }
        return ExitCode.NO_REGRESSION;
    }

    /**
     * A step's ends were the half the step before chose, so their change was measured twice. When
     * the two intervals do not overlap, the row did not hold still between steps (forks at two
     * levels, or the machine), and the path's earlier choice may be wrong: said, not hidden.
     */
    static String notReproduced(PairedComparison.Row before, ReleaseSweep.Point now, String from, String to) {
        if (Double.isNaN(before.lowPercent()) || Double.isNaN(now.lowPercent())
                || (now.lowPercent() <= before.highPercent() && before.lowPercent() <= now.highPercent())) {
            return "";
        }
        return String.format(Locale.ROOT, "note: %s -> %s measured %s %s in the step before and %s %s in this one: the row does not hold still"
                        + " between steps (forks at two levels, or the machine), so the earlier choice of half may be wrong", from, to,
                pct(before.changePercent()), ReleaseSweep.interval(before.lowPercent(), before.highPercent()), pct(now.changePercent()),
                ReleaseSweep.interval(now.lowPercent(), now.highPercent()));
    }

    /** Candidates for the midpoint of (lo, hi): the middle, then alternately below and above it. */
    static List<Integer> midpoints(int lo, int hi) {
        List<Integer> out = new ArrayList<>();
        int mid = (lo + hi) / 2;
        for (int d = 0; out.size() < hi - lo - 1; d++) {
            if (mid - d > lo && mid - d < hi && !out.contains(mid - d)) {
                out.add(mid - d);
            }
            if (mid + d > lo && mid + d < hi && !out.contains(mid + d)) {
                out.add(mid + d);
            }
        }
        return out;
    }

    private static SweepRounds.Version version(VersionSweep.Context c, int i, Map<Integer, SweepRounds.Version> resolved,
                                               Map<String, String> skipped, Map<String, Provenance> provenance) throws IOException {
        if (!resolved.containsKey(i) && !skipped.containsKey(c.labels().get(i))) {
            resolved.put(i, c.resolve(i, skipped, provenance));
        }
        return resolved.get(i);
    }

    private static void print(Step s) {
        System.out.println(describe(s));
    }

    static String describe(Step s) {
        if (s.middle() == null) {
            return String.format(Locale.ROOT, "step %d: %s -> %s (%d rounds): %s %s, %s", s.number(), s.low(), s.high(), s.rounds(),
                    pct(s.lowHalf().changePercent()), ReleaseSweep.interval(s.lowHalf().lowPercent(), s.lowHalf().highPercent()), s.lowHalf().verdict());
        }
        return String.format(Locale.ROOT, "step %d: %s | %s | %s (%d rounds): %s -> %s %s %s p(Holm) %.3g; %s -> %s %s %s p(Holm) %.3g; %s", s.number(),
                s.low(), s.middle(), s.high(), s.rounds(), s.low(), s.middle(), pct(s.lowHalf().changePercent()),
                ReleaseSweep.interval(s.lowHalf().lowPercent(), s.lowHalf().highPercent()), s.lowHalf().pAdjusted(), s.middle(), s.high(),
                pct(s.highHalf().changePercent()), ReleaseSweep.interval(s.highHalf().lowPercent(), s.highHalf().highPercent()),
                s.highHalf().pAdjusted(), s.decision());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%+.2f%%", v);
    }
}
