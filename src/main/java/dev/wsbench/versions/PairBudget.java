package dev.wsbench.versions;

import dev.wsbench.results.PairedComparison;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many pairs each row gets within a time budget ({@code --budget}), aimed at each row's
 * <em>detectable change</em>: the smallest change the row flags with 80 % power after Holm
 * ({@link PairedComparison#detectableChangePercent}, threshold 0), the figure every row prints. Its
 * target is 2 % for echo rows and 5 % for codec rows by default. A row's detectable change is its
 * spread times a multiple that falls with its pairs, steeply just above Holm's floor (for 9 rows: 2.0
 * spreads at 9 pairs, 1.35 at 12, 1.0 at 18, 0.7 at 30), so a few pairs past the floor are worth
 * more there than anywhere else.
 *
 * <p>The allocation, revised after every round from the spreads of all pairs so far:
 * <ol>
 *   <li>every row gets Holm's floor ({@link PairedComparison#holmFloor}); when even the floors do
 *       not fit, that is all;</li>
 *   <li>rows that miss their target at the floor are raised to it, echo rows before codec rows
 *       (echo answers the question the suite exists for; codec rows explain it), each kind cheapest
 *       first, as long as the time left allows: as many rows as possible reach their target;</li>
 *   <li>what is left goes, a pair at a time, to the row that misses its target by the fewest
 *       seconds (echo rows first): it gets as close as the time allows, where spreading the time
 *       over every row short of its target, or giving it to the worst, would leave them all where
 *       they were (a row 40 % wide needs hundreds of pairs to see 5 %); when every row has reached
 *       its target, to the row with the least margin.</li>
 * </ol>
 * No row gets more than {@link #MAX_PAIRS}.
 *
 * <p>The allocation reads each row's spread ({@link #robustSpread} of its pairs' log ratios: one
 * disturbed pair must not make a row look out of reach) and pair time only, never the estimated
 * change: the spread is the same whatever common change the ratios share, so the rule carries no
 * information about the change. This is Stein's two-stage design (1945),
 * revised as pairs come in; every pair, the pilot's included, counts in the final test like any other.
 */
final class PairBudget {
    /** Pilot pairs per row: the fewest that give a spread at all, with one to spare. */
    static final int PILOT_PAIRS = 3;
    /** No row gets more, whatever the budget: past this the interval narrows by a few percent per hour. */
    static final int MAX_PAIRS = 200;
    /** A spread below this (0.2 %) is taken as this: a pilot of identical forks must not starve a row. */
    static final double MIN_SPREAD = 0.002;

    /**
     * Up to this many pairs the multiple is simulated, exactly as the report's detectable change;
     * beyond, it follows 1/sqrt(pairs) from here (within 2 % of the simulation at 45 and 60 pairs,
     * where the exact test is close to its normal limit), so a plan costs about a second, not a minute.
     */
    static final int SIMULATED_UP_TO = 60;
    /** Multiples by row count and pairs, shared: each is a simulation of 2000 rows. */
    private static final Map<List<Integer>, Double> MULTIPLES = new ConcurrentHashMap<>();

    private final int rows;
    private final int floor;

    /** A budget over {@code rows} rows, whose floor is Holm's over that many rows. */
    PairBudget(int rows) {
        this.rows = rows;
        this.floor = PairedComparison.holmFloor(rows);
    }

    int floor() {
        return floor;
    }

    /**
     * Pairs wanted per row, those made included; never fewer than made, nor than the floor.
     *
     * @param spread per row, the {@link #robustSpread} of its pairs' log ratios so far (NaN: none yet)
     * @param secondsPerPair per row, wall time per pair so far
     * @param target per row, the detectable change wanted (a fraction: 0.02 for 2 %)
     * @param echo per row, whether it is an echo row (raised to its target first)
     * @param made per row, the pairs made so far
     * @param secondsLeft the time left for pairs not yet made
     */
    int[] allocate(double[] spread, double[] secondsPerPair, double[] target, boolean[] echo, int[] made, double secondsLeft) {
        int n = spread.length;
        double[] s = new double[n];
        int[] wanted = new int[n];
        double left = secondsLeft;
        for (int r = 0; r < n; r++) {
            s[r] = Double.isNaN(spread[r]) ? MIN_SPREAD : Math.max(spread[r], MIN_SPREAD);
            wanted[r] = Math.max(made[r], floor);
            left -= (wanted[r] - made[r]) * secondsPerPair[r];
        }
        if (left <= 0) {
            return wanted;
        }
        List<Integer> missing = new ArrayList<>();
        int[] needed = new int[n];
        for (int r = 0; r < n; r++) {
            needed[r] = pairsFor(s[r], target[r], wanted[r]);
            if (needed[r] > wanted[r]) {
                missing.add(r);
            }
        }
        // echo rows first, then the fewest seconds from the target (read as the plan grows)
        Comparator<Integer> nearest = Comparator.comparing((Integer r) -> !echo[r]).thenComparingDouble(r -> (needed[r] - wanted[r]) * secondsPerPair[r]);
        missing.sort(nearest);
        for (int r : missing) {
            double extra = (needed[r] - wanted[r]) * secondsPerPair[r];
            if (needed[r] <= MAX_PAIRS && extra <= left) {
                left -= extra;
                wanted[r] = needed[r];
            }
        }
        // what is left: to the row nearest its target while some row misses it, else to the one with the least margin
        while (true) {
            Integer next = null;
            boolean anyShort = false;
            for (int r = 0; r < n; r++) {
                anyShort |= wanted[r] < needed[r] && wanted[r] < MAX_PAIRS && secondsPerPair[r] <= left;
            }
            for (int r = 0; r < n; r++) {
                if (wanted[r] >= MAX_PAIRS || secondsPerPair[r] > left || (anyShort && wanted[r] >= needed[r])) {
                    continue;
                }
                if (next == null || (anyShort ? nearest.compare(r, next) < 0
                        : detectable(s[r], wanted[r]) / target[r] > detectable(s[next], wanted[next]) / target[next])) {
                    next = r;
                }
            }
            if (next == null) {
                return wanted;
            }
            wanted[next]++;
            left -= secondsPerPair[next];
        }
    }

    /** 1.4826 times the median absolute deviation about the median: the standard deviation for normal values, one wild value or two barely moving it. */
    static double robustSpread(double[] values) {
        double m = PairedComparison.median(values);
        return 1.4826 * PairedComparison.median(Arrays.stream(values).map(x -> Math.abs(x - m)).toArray());
    }

    /** The detectable change (a fraction) of a row with this spread and this many pairs. */
    double detectable(double spread, int pairs) {
        return Math.expm1(spread * multiple(pairs));
    }

    /** The fewest pairs, at least {@code from}, at which a row with this spread detects {@code target}; MAX_PAIRS + 1 when none up to MAX_PAIRS does. */
    private int pairsFor(double spread, double target, int from) {
        if (from > MAX_PAIRS || detectable(spread, MAX_PAIRS) > target) {
            return Math.max(from, MAX_PAIRS + 1);
        }
        int low = from;
        int high = MAX_PAIRS;
        while (low < high) { // the multiple falls with the pairs (simulated: to within its 0.5 % bisection)
            int mid = (low + high) >>> 1;
            if (detectable(spread, mid) <= target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The detectable change in spreads (log units) at this many pairs. */
    private double multiple(int pairs) {
        if (pairs > SIMULATED_UP_TO) {
            return multiple(SIMULATED_UP_TO) * Math.sqrt(SIMULATED_UP_TO / (double) pairs);
        }
        return MULTIPLES.computeIfAbsent(List.of(rows, pairs), k -> Math.log1p(PairedComparison.detectableChangePercent(pairs, 1.0, rows, 0) / 100));
    }

    /** Seconds that {@code wanted} pairs take beyond those already made. */
    static double secondsFor(int[] wanted, int[] made, double[] secondsPerPair) {
        double s = 0;
        for (int r = 0; r < wanted.length; r++) {
            s += Math.max(0, wanted[r] - made[r]) * secondsPerPair[r];
        }
        return s;
    }

    static String describe(int[] wanted) {
        return Arrays.toString(wanted);
    }
}
