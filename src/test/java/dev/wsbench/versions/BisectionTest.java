package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.results.PairedComparison;
import dev.wsbench.results.ReleaseSweep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BisectionTest {
    private static PairedComparison.Row half(double change, double pHolm) {
        return new PairedComparison.Row("row", "ops/s", true, 10, 1, 1, change, change - 1, change + 1, pHolm, pHolm, 0, 1, 2);
    }

    @Test
    void theHalfThatChangedIsTheNextRange() {
        assertEquals(Bisection.Decision.LOW_HALF, Bisection.Decision.of(half(-14, 0.004), half(0.2, 0.9)));
        assertEquals(Bisection.Decision.HIGH_HALF, Bisection.Decision.of(half(0.2, 0.9), half(-14, 0.004)));
        assertEquals(Bisection.Decision.BOTH, Bisection.Decision.of(half(-7, 0.004), half(-7, 0.004)));
        assertEquals(Bisection.Decision.NEITHER, Bisection.Decision.of(half(-1, 0.3), half(-1, 0.4)));
    }

    @Test
    void endsMeasuredAgainOutsideTheirFirstIntervalAreSaid() {
        PairedComparison.Row before = half(13.9, 0.005); // [+12.9, +14.9]
        assertEquals("", Bisection.notReproduced(before, new ReleaseSweep.Point("b", 1, 13, 10, 16), "a", "b"));
        String note = Bisection.notReproduced(before, new ReleaseSweep.Point("b", 1, -2.4, -10.8, 4.9), "a", "b");
        assertTrue(note.startsWith("note: a -> b measured +13.90%") && note.contains("does not hold still"), note);
    }

    @Test
    void midpointsStartInTheMiddleAndSkipOutwards() {
        assertEquals(List.of(10, 9, 11, 8, 12, 7, 13, 6, 14, 5, 15, 4, 16, 3, 17, 2, 18, 1, 19), Bisection.midpoints(0, 20));
        assertEquals(List.of(1), Bisection.midpoints(0, 2));
        assertEquals(List.of(), Bisection.midpoints(3, 4), "adjacent: no midpoint");
    }

    @Test
    void parallelRoundsPutAdjacentVersionsSideBySide() {
        List<SweepRounds.Version> v = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            v.add(new SweepRounds.Version("v" + i, "v" + i, List.of()));
        }
        Set<String> even = new HashSet<>();
        SweepRounds.adjacentPairs(v, 2, new Random(1)).forEach(p -> even.add(p.stream().map(SweepRounds.Version::label).toList().toString()));
        assertEquals(Set.of("[v0, v1]", "[v2, v3]", "[v4]"), even);
        Set<String> odd = new HashSet<>();
        SweepRounds.adjacentPairs(v, 3, new Random(1)).forEach(p -> odd.add(p.stream().map(SweepRounds.Version::label).toList().toString()));
        assertEquals(Set.of("[v1, v2]", "[v3, v4]", "[v0]"), odd, "every step side by side in every other round");
        Set<String> three = new HashSet<>();
        SweepRounds.adjacentPairs(v.subList(0, 4), 1, new Random(1)).forEach(p -> three.add(p.stream().map(SweepRounds.Version::label).toList().toString()));
        assertEquals(Set.of("[v1, v2]", "[v0, v3]"), three, "the two left over go together");
    }

    @Test
    void repeatedVersionsGetUniqueLabels() {
        assertEquals(List.of("4.2.20.Final", "4.2.20.Final#2", "4.1.140.Final", "4.2.20.Final#3"),
                VersionSweep.labels(List.of("4.2.20.Final", "4.2.20.Final", "4.1.140.Final", "4.2.20.Final")));
    }
}
