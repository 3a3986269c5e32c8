package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForkLevelsTest {
    @Test
    void forksAtTwoLevelsAreSplitAndOneLevelIsNot() {
        double[] base = {5.5, 6.2, 13.1, 13.4, 12.9, 14.0, 13.3, 5.9};
        double[] cand = {13.0, 12.8, 6.0, 13.9, 14.2, 13.6, 13.1, 13.5};
        ForkLevels.Split s = ForkLevels.split(base, cand);
        assertNotNull(s);
        assertEquals(3, s.baseLow().length);
        assertEquals(1, s.candLow().length);
        assertTrue(s.boundary() > 6.2 && s.boundary() < 12.8, "between the levels: " + s.boundary());
        assertNull(ForkLevels.split(new double[] {10.0, 10.2, 9.9, 10.1}, new double[] {10.3, 9.8, 10.0, 10.1}));
    }

    /** Jetty 12.0.31 against 12.1.14, 8192-byte masking, ns per frame (results/compare-2026-12-02-afternoon/jetty-120-vs-121/order.tsv). */
    @Test
    void aWideUpperLevelDoesNotHideTheLowerOne() {
        double[] jetty120 = {2751, 2501, 2490, 4231, 3377, 3877, 2488, 2462, 3824, 2388, 2525, 2488, 3706, 3755, 2491, 2499, 2471, 2195, 2221, 3668, 2483};
        double[] jetty121 = {4124, 2640, 4250, 4597, 4241, 4011, 3517, 4234, 3546, 4270, 4190, 2631, 4000, 4365, 3523, 4298, 4166, 3480, 2628, 4260, 3528};
        ForkLevels.Split s = ForkLevels.split(jetty120, jetty121);
        assertNotNull(s, "the widest gap (2751 to 3377) is narrower than four spreads of the upper level, which the old rule required");
        assertTrue(s.boundary() > 2751 && s.boundary() < 3377, "between the levels: " + s.boundary());
        assertEquals(14, s.baseLow().length);
        assertEquals(3, s.candLow().length);
        assertTrue(s.sharesP() < 0.01, "12.1 lands in the slow level far more often: " + s.sharesP());
    }

    /** Netty 4.1.140 against 4.2.20, 8192-byte masking, 2026-12-03: every 4.1 fork near 3.1 us, every 4.2 fork near 2.1 us. */
    @Test
    void twoLevelsThatAreTheTwoVersionsAreTheChangeNotModes() {
        double[] netty41 = {3089, 3050, 3120, 3010, 3150, 3075, 3102, 2990, 3200, 3060, 3095};
        double[] netty42 = {2146, 2120, 2170, 2100, 2190, 2135, 2160, 2080, 2210, 2150, 2140};
        assertNull(ForkLevels.split(netty41, netty42));
    }

    @Test
    void oneWideLevelIsRarelySplit() {
        Random random = new Random(7);
        for (int forks : new int[] {9, 20, 40}) {
            int split = 0;
            int rows = 400;
            for (int row = 0; row < rows; row++) {
                double[] base = new double[forks];
                double[] cand = new double[forks];
                for (int i = 0; i < forks; i++) {
                    base[i] = 1000 * Math.exp(0.2 * random.nextGaussian());
                    cand[i] = 1000 * Math.exp(0.2 * random.nextGaussian());
                }
                split += ForkLevels.split(base, cand) == null ? 0 : 1;
            }
            assertTrue(split <= rows / 40, forks + " forks a side, one normal level 20 % wide: " + split + " of " + rows + " rows split");
        }
    }

    /** Netty 4.2.20 A/A, 100000-byte echo, round trips/s, 2026-12-05 (results/compare-2026-12-05/netty-AA-c2), in pair order. */
    @Test
    void aForkAloneIsAStrayAndItsPairIsMostOfTheSpread() {
        double[] base = {21241, 20400, 21384, 22957, 21041, 21899, 22637, 22750, 20192, 22060};
        double[] cand = {21242, 16718, 21585, 21611, 21474, 20671, 20873, 22291, 22359, 21824};
        ForkLevels.Levels lv = ForkLevels.analyse(base, cand);
        assertArrayEquals(new double[0], lv.baseStrays());
        assertArrayEquals(new double[] {16718}, lv.candStrays());
        assertNull(lv.split(), "the other 19 forks are one level");
        String report = ForkLevels.report(List.of(PairedComparisonTest.forks("thrpt", "100000", base)),
                List.of(PairedComparisonTest.forks("thrpt", "100000", cand)));
        assertTrue(report.startsWith("strays: EchoBenchmark.roundTrip thrpt {server=NETTY, size=100000}: 1 fork alone"), report);
        assertTrue(report.contains("candidate 1.672e+04 ops/s; pair spread 5.47 % without its pair (7.87 % with)"), report);
    }

    /** Jetty 12.1.14 calibrated 2 %, 8192-byte masking, ns per frame, 2026-12-05 (results/compare-2026-12-05/jetty-cal2). */
    @Test
    void aStrayDoesNotHideTwoLevels() {
        double[] base = {3641, 3491, 4336, 3707, 4268, 3436, 4453, 3452, 4404};
        double[] cand = {4390, 2216, 4556, 4230, 3549, 3804, 3423, 4255, 3601};
        assertNull(ForkLevels.split(base, cand), "with the fork at 2216 the lower level is too wide to be one");
        ForkLevels.Levels lv = ForkLevels.analyse(base, cand);
        assertArrayEquals(new double[] {2216}, lv.candStrays());
        assertNotNull(lv.split());
        assertEquals(5, lv.split().baseLow().length);
        assertEquals(4, lv.split().candLow().length);
    }

    /** Netty 4.2.20 A/A, 8192-byte parsing under C2 alone, 2026-12-05 (results/compare-2026-12-05/netty-AA-c2): one fork of each side slow. */
    @Test
    void aRareLevelBothSidesVisitIsALevel() {
        double[] base = {955, 930, 972, 1037, 898, 938, 1031, 1397, 875, 887};
        double[] cand = {993, 917, 991, 988, 882, 967, 1324, 951, 932, 874};
        ForkLevels.Levels lv = ForkLevels.analyse(base, cand);
        assertEquals(0, lv.baseStrays().length + lv.candStrays().length, "1324 and 1397 are 5.5 % apart: a level of two, not two strays");
        assertNotNull(lv.split());
        assertEquals(1, lv.split().baseHigh().length);
        assertEquals(1, lv.split().candHigh().length);
    }

    @Test
    void oneLevelHasNoStrays() {
        Random random = new Random(11);
        for (double width : new double[] {0.01, 0.05, 0.2}) {
            for (int forks : new int[] {9, 20, 40}) {
                int strays = 0;
                for (int row = 0; row < 400; row++) {
                    double[] all = new double[2 * forks];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = 1000 * Math.exp(width * random.nextGaussian());
                    }
                    for (boolean stray : ForkLevels.strays(all)) {
                        strays += stray ? 1 : 0;
                    }
                }
                assertTrue(strays <= 2, forks + " forks a side, one normal level " + width * 100 + " % wide: " + strays + " strays in 400 rows");
            }
        }
    }

    @Test
    void fishersExactTestOfTheShares() {
        assertTrue(ForkLevels.fisherExactTwoSided(5, 0, 0, 5) < 0.01);
        assertEquals(1.0, ForkLevels.fisherExactTwoSided(2, 2, 2, 2), 1e-9);
    }
}
