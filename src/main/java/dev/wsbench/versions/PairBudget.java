package dev.wsbench.versions;

import dev.wsbench.results.PairedComparison;
import java.util.Arrays;

/**
 * How many pairs each row gets within a time budget ({@code --budget}). A short pilot gives every
 * row {@link #PILOT_PAIRS} pairs; their spread (the standard deviation of the pairs' log ratios)
 * and duration then decide the rest: the interval of a row narrows as spread / sqrt(pairs), so
 * pairs in proportion to (spread / target)^2 bring every row's half-width to the same fraction of
 * its target (2 % echo, 5 % codec by default), and the factor is what fits the time left. Every
 * row keeps the floor of pairs at which Holm's correction over all rows can call it significant
 * ({@link PairedComparison#holmFloor}).
 *
 * <p>The allocation reads the spread only, never the estimated change, so the stated error rate
 * holds: it is Stein's two-stage design (1945), a pilot's variance choosing the sample size, and
 * the pilot's pairs count in the final test like any other (under symmetric pair differences the
 * spread carries no information about the sign of the change).
 */
final class PairBudget {
    /** Pilot pairs per row: the fewest that give a spread at all, with one to spare. */
    static final int PILOT_PAIRS = 3;
    /** No row gets more, whatever the budget: past this the interval narrows by a few percent per hour. */
    static final int MAX_PAIRS = 200;
    /** A spread below this (0.2 %) is taken as this: a pilot of identical forks must not starve a row. */
    static final double MIN_SPREAD = 0.002;

    private PairBudget() {
    }

    /**
     * Pairs wanted per row, the pilot's included.
     *
     * @param spread per row, the pilot's standard deviation of log ratios (a fraction)
     * @param secondsPerPair per row, the pilot's wall time per pair
     * @param target per row, the wanted half-width of its 95 % interval (a fraction)
     * @param floor the fewest pairs any row gets
     * @param secondsLeft the time left for pairs after the pilot
     */
    static int[] allocate(double[] spread, double[] secondsPerPair, double[] target, int floor, double secondsLeft, int pilotPairs) {
        int n = spread.length;
        double[] weight = new double[n];
        for (int r = 0; r < n; r++) {
            double s = Double.isNaN(spread[r]) ? MIN_SPREAD : Math.max(spread[r], MIN_SPREAD);
            weight[r] = (s / target[r]) * (s / target[r]);
        }
        // Raise rows to the floor one at a time until the proportional share of the others, in the
        // time left after the floors, is above the floor for every row not raised.
        boolean[] atFloor = new boolean[n];
        int[] wanted = new int[n];
        double total = secondsLeft;
        for (int r = 0; r < n; r++) {
            total += pilotPairs * secondsPerPair[r]; // the pilot's pairs count toward the totals below
        }
        for (int round = 0; round <= n; round++) {
            double floorTime = 0;
            double weightedTime = 0;
            for (int r = 0; r < n; r++) {
                if (atFloor[r]) {
                    floorTime += floor * secondsPerPair[r];
                } else {
                    weightedTime += weight[r] * secondsPerPair[r];
                }
            }
            double factor = weightedTime == 0 ? 0 : Math.max(0, total - floorTime) / weightedTime;
            boolean changed = false;
            for (int r = 0; r < n; r++) {
                if (!atFloor[r] && factor * weight[r] < floor) {
                    atFloor[r] = true;
                    changed = true;
                }
            }
            if (!changed) {
                for (int r = 0; r < n; r++) {
                    wanted[r] = atFloor[r] ? floor : (int) Math.min(MAX_PAIRS, Math.max(floor, Math.floor(factor * weight[r])));
                }
                break;
            }
        }
        for (int r = 0; r < n; r++) {
            wanted[r] = Math.max(wanted[r], Math.max(floor, pilotPairs));
        }
        return wanted;
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
