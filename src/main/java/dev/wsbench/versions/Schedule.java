package dev.wsbench.versions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of an interleaved run: {@code pairs} rounds; in each round every row once, the rows in
 * a shuffled order, each row as two adjacent forks, baseline and candidate, in a random order.
 * Adjacent forks of a pair see the same state of the machine, so drift cancels in their ratio; the
 * random order inside a pair keeps "second fork" effects (warm page cache, a CPU that just sped up)
 * from favouring one side. Seeded, so a run can be repeated fork for fork.
 */
final class Schedule {
    enum Side {
        BASELINE, CANDIDATE
    }

    /** One fork: the row (index into the row list), which pair it belongs to, and the side. */
    record Fork(int pair, int row, Side side) {
    }

    private Schedule() {
    }

    static List<Fork> of(int rows, int pairs, long seed) {
        Random random = new Random(seed);
        List<Fork> forks = new ArrayList<>(rows * pairs * 2);
        for (int pair = 0; pair < pairs; pair++) {
            List<Integer> order = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                order.add(r);
            }
            Collections.shuffle(order, random);
            for (int r : order) {
                boolean baselineFirst = random.nextBoolean();
                forks.add(new Fork(pair, r, baselineFirst ? Side.BASELINE : Side.CANDIDATE));
                forks.add(new Fork(pair, r, baselineFirst ? Side.CANDIDATE : Side.BASELINE));
            }
        }
        return forks;
    }
}
