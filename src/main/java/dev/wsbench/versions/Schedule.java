package dev.wsbench.versions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The order of an interleaved run, one round at a time: in each round every row that still needs
 * pairs gets one, the rows in a shuffled order. A pair is two forks of one row, baseline and
 * candidate, that see the same state of the machine, so drift cancels in their ratio:
 * <ul>
 *   <li>sequential: adjacent, in a random order, so "second fork" effects (a warm page cache, a CPU
 *       that just sped up) favour neither side;</li>
 *   <li>parallel (duet): at the same time, each on its own CPU, which side gets which CPU drawn at
 *       random, so a CPU that is slower or busier than the other favours neither side.</li>
 * </ul>
 * Seeded, so a run can be repeated fork for fork.
 */
final class Schedule {
    enum Side {
        BASELINE, CANDIDATE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        Side other() {
            return this == BASELINE ? CANDIDATE : BASELINE;
        }
    }

    /**
     * One pair: the row (index into the row list), its number (0-based, per row) and the side that
     * runs first (sequential) or on the first of the two CPUs (parallel).
     */
    record Pair(int row, int pair, Side first) {
    }

    private final Random random;
    private final int[] made;

    Schedule(int rows, long seed) {
        this.random = new Random(seed);
        this.made = new int[rows];
    }

    /** The next round: one pair for each row whose wanted count it has not reached, in a shuffled order. */
    List<Pair> round(int[] wanted) {
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < made.length; r++) {
            order.add(r);
        }
        Collections.shuffle(order, random);
        List<Pair> pairs = new ArrayList<>();
        for (int r : order) {
            Side first = random.nextBoolean() ? Side.BASELINE : Side.CANDIDATE;
            if (made[r] < wanted[r]) {
                pairs.add(new Pair(r, made[r]++, first));
            }
        }
        return pairs;
    }

    /** Pairs made so far for row {@code r}. */
    int made(int r) {
        return made[r];
    }

    /** Every round until each row has {@code pairs} pairs (a fixed design). */
    static List<Pair> fixed(int rows, int pairs, long seed) {
        Schedule s = new Schedule(rows, seed);
        int[] wanted = new int[rows];
        Arrays.fill(wanted, pairs);
        List<Pair> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            all.addAll(s.round(wanted));
        }
        return all;
    }
}
