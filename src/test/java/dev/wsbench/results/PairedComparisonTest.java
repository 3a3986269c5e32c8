package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
    /** A result file row with one fork per value (each fork a single iteration). */
    static JmhResult forks(String mode, String size, double... perFork) {
        String raw = Arrays.stream(perFork).mapToObj(v -> "[" + v + "]").collect(Collectors.joining(","));
        String json = "{\"benchmark\":\"dev.wsbench.jmh.EchoBenchmark.roundTrip\",\"mode\":\"" + mode + "\","
                + "\"params\":{\"server\":\"NETTY\",\"size\":\"" + size + "\"},\"primaryMetric\":{\"score\":1,\"scoreError\":\"NaN\","
                + "\"scoreUnit\":\"" + ("thrpt".equals(mode) ? "ops/s" : "us/op") + "\",\"rawData\":[" + raw + "]}}";
        return JmhResultFileTest.parse(json).get(0);
    }

    @Test
    void signedRankNullDistributionMatchesTheTextbookTable() {
        double[] p = PairedComparison.signedRankDistribution(10);
        assertEquals(56, p.length);
        assertEquals(1, Arrays.stream(p).sum(), 1e-12);
        double cdf8 = 0;
        for (int t = 0; t <= 8; t++) {
            cdf8 += p[t];
        }
        assertEquals(25 / 1024.0, cdf8, 1e-12); // n = 10: P(T+ <= 8) = 25/1024, the 0.025 critical value
        assertEquals(9, PairedComparison.signedRankCiRank(10, 0.05));
        assertEquals(0, PairedComparison.signedRankCiRank(5, 0.05), "5 pairs cannot give a 95 % interval");
        assertEquals(1, PairedComparison.signedRankCiRank(6, 0.05));
    }

    @Test
    void pValueAgreesWithCommonsStatisticsExactTest() {
        SplittableRandom r = new SplittableRandom(7);
        WilcoxonSignedRankTest commons = WilcoxonSignedRankTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.EXACT);
        for (int trial = 0; trial < 20; trial++) {
            double[] d = new double[8 + trial % 5];
            for (int i = 0; i < d.length; i++) {
                d[i] = r.nextDouble() - 0.4;
            }
            assertEquals(commons.test(d).getPValue(), PairedComparison.signedRankP(d), 1e-12, Arrays.toString(d));
        }
        double[] allUp = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10};
        assertEquals(2 / 1024.0, PairedComparison.signedRankP(allUp), 1e-15);
    }

    /** Pairs that drift together: the paired interval sees through drift that would swamp an unpaired test. */
    @Test
    void findsAFivePercentDropUnderDriftLargerThanIt() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 10;
        double[] base = new double[n];
        double[] cand = new double[n];
        for (int i = 0; i < n; i++) {
            double machine = 50_000 * (1 + 0.15 * (r.nextDouble() - 0.5)); // +-7.5 % drift between pairs
            base[i] = machine * (1 + 0.01 * (r.nextDouble() - 0.5));
            cand[i] = machine * 0.95 * (1 + 0.01 * (r.nextDouble() - 0.5));
        }
        PairedComparison c = PairedComparison.of(List.of(forks("thrpt", "256", base)), List.of(forks("thrpt", "256", cand)), 3);
        PairedComparison.Row row = c.rows().get(0);
        assertEquals(-5, row.changePercent(), 0.5);
        assertTrue(row.lowPercent() < -5 && -5 < row.highPercent(), row.lowPercent() + " .. " + row.highPercent());
        assertTrue(row.regression(), "whole interval below -3 %");
        assertTrue(c.anyRegression());
        assertTrue(c.format(false).contains("REGRESSION"));
    }

    @Test
    void sameDistributionOnBothSidesIsNotFlagged() {
        SplittableRandom r = new SplittableRandom(11);
        List<JmhResult> a = new ArrayList<>();
        List<JmhResult> b = new ArrayList<>();
        for (String size : List.of("256", "8192", "100000")) {
            double[] x = new double[10];
            double[] y = new double[10];
            for (int i = 0; i < 10; i++) {
                double machine = 1000 * (1 + 0.2 * r.nextDouble());
                x[i] = machine * (1 + 0.02 * (r.nextDouble() - 0.5));
                y[i] = machine * (1 + 0.02 * (r.nextDouble() - 0.5));
            }
            a.add(forks("thrpt", size, x));
            b.add(forks("thrpt", size, y));
        }
        PairedComparison c = PairedComparison.of(a, b, 3);
        assertEquals(3, c.rows().size());
        assertFalse(c.anyRegression());
        c.rows().forEach(row -> assertTrue(row.lowPercent() > -3 && row.highPercent() < 3, row.toString()));
    }

    @Test
    void aSmallChangeInsideTheThresholdIsNotARegression() {
        double[] base = {100, 101, 99, 100, 102, 98, 100, 101, 99, 100};
        double[] cand = Arrays.stream(base).map(v -> v * 0.99).toArray(); // 1 % slower, perfectly consistent
        PairedComparison.Row row = PairedComparison.of(List.of(forks("thrpt", "256", base)), List.of(forks("thrpt", "256", cand)), 3).rows().get(0);
        assertTrue(row.significant());
        assertFalse(row.regression(), "-1 % is inside a 3 % threshold");
        PairedComparison.Row any = PairedComparison.of(List.of(forks("thrpt", "256", base)), List.of(forks("thrpt", "256", cand)), 0).rows().get(0);
        assertTrue(any.regression(), "with no threshold any significant drop counts");
    }

    @Test
    void timePerOperationRegressesUpwards() {
        double[] base = {10, 10.1, 9.9, 10, 10.2, 9.8, 10, 10.1};
        double[] cand = Arrays.stream(base).map(v -> v * 1.1).toArray();
        PairedComparison.Row row = PairedComparison.of(List.of(forks("avgt", "256", base)), List.of(forks("avgt", "256", cand)), 3).rows().get(0);
        assertEquals(10, row.changePercent(), 1e-9);
        assertTrue(row.regression());
    }

    @Test
    void theDetectableChangeShrinksWithPairsAndIsNoneBelowHolmsFloor() {
        assertEquals(9, PairedComparison.holmFloor(9), "2/2^9 < 0.05/9 <= 2/2^8");
        assertEquals(6, PairedComparison.holmFloor(1));
        assertTrue(Double.isInfinite(PairedComparison.detectableChangePercent(8, 0.01, 9, 0)), "8 pairs over 9 rows can never be significant");
        double at10 = PairedComparison.detectableChangePercent(10, 0.01, 9, 0);
        double at40 = PairedComparison.detectableChangePercent(40, 0.01, 9, 0);
        assertTrue(at10 > at40 && at40 > 0, at10 + " " + at40);
        // the exact test at 10 pairs over 9 rows flags only T+ <= 1 (all pairs, or all but the smallest, one way)
        assertTrue(at10 > 1.5 && at10 < 3, "1 % spread, 10 pairs, 9 rows: about 2 %: " + at10);
        assertTrue(PairedComparison.detectableChangePercent(10, 0.01, 9, 3) > 3 + 0.5, "a threshold adds itself");
        assertTrue(Double.isNaN(PairedComparison.detectableChangePercent(1, 0.01, 1, 0)));
    }

    @Test
    void aChangeOfTheDetectableSizeIsFlaggedInAboutEightyPercentOfRuns() {
        // rows as the report computes them (row(): exact signed-rank p and interval), pairs drawn
        // independently of the detectable change's own simulation
        for (int pairs : new int[] {9, 12, 30}) {
            double spread = 0.02;
            double detectable = PairedComparison.detectableChangePercent(pairs, spread, 9, 0);
            java.util.Random random = new java.util.Random(99);
            int runs = 2000;
            int flagged = 0;
            for (int run = 0; run < runs; run++) {
                double[] baseline = new double[pairs];
                double[] candidate = new double[pairs];
                for (int i = 0; i < pairs; i++) {
                    baseline[i] = 1000;
                    candidate[i] = 1000 * Math.exp(-Math.log1p(detectable / 100) + spread * random.nextGaussian());
                }
                PairedComparison.Row row = PairedComparison.row("r", "ops/s", true, baseline, candidate, 0);
                flagged += row.p() < PairedComparison.ALPHA / 9 && row.highPercent() < 0 ? 1 : 0;
            }
            double power = flagged / (double) runs;
            assertTrue(power > 0.75 && power < 0.85, pairs + " pairs: a " + detectable + " % drop flagged in " + power + " of runs");
        }
    }

    @Test
    void everyRowCarriesItsSpreadAndDetectableChangeInTextAndJson() {
        double[] base = {100, 101, 99, 100, 102, 98, 100, 101, 99, 100};
        double[] cand = {100.5, 101, 99.2, 100.1, 101.7, 98.6, 100.3, 100.8, 99.4, 100.2};
        PairedComparison c = PairedComparison.of(List.of(forks("thrpt", "256", base)), List.of(forks("thrpt", "256", cand)), 0);
        PairedComparison.Row r = c.rows().get(0);
        assertTrue(r.spreadPercent() > 0 && r.canDetect(), r.toString());
        assertTrue(c.format(false).contains("detectable") && c.format(false).contains(PairedComparison.detectable(r, 1)), c.format(false));
        assertTrue(c.toJson("note").contains("\"detectablePercent\": " + r.detectablePercent()), c.toJson("note"));
    }

    @Test
    void tooFewPairsGiveNoIntervalAndNoVerdict() {
        double[] base = {100, 100, 100, 100, 100};
        double[] cand = {50, 50, 50, 50, 50};
        PairedComparison c = PairedComparison.of(List.of(forks("thrpt", "256", base)), List.of(forks("thrpt", "256", cand)), 3);
        assertTrue(Double.isNaN(c.rows().get(0).lowPercent()));
        assertFalse(c.anyRegression(), "5 pairs: p >= 2/32, never significant");
        assertTrue(c.format(true).contains("n/a (< 6 pairs)"));
    }

    @Test
    void unequalForkCountsAreNotPairable() {
        ResultFileException e = assertThrows(ResultFileException.class, () -> PairedComparison.of(
                List.of(forks("thrpt", "256", 1, 2, 3, 4, 5, 6)), List.of(forks("thrpt", "256", 1, 2, 3, 4, 5)), 3));
        assertTrue(e.getMessage().contains("6 baseline forks but 5 candidate forks"), e.getMessage());
    }

    @Test
    void rowsOnOneSideAreListedNotCompared() {
        PairedComparison c = PairedComparison.of(List.of(forks("thrpt", "256", 1, 2, 3, 4, 5, 6), forks("thrpt", "8192", 1, 2, 3, 4, 5, 6)),
                List.of(forks("thrpt", "256", 1, 2, 3, 4, 5, 6)), 3);
        assertEquals(1, c.rows().size());
        assertTrue(c.unpaired().get(0).startsWith("only in baseline: "), c.unpaired().toString());
    }
}
