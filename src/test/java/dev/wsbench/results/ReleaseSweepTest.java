package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseSweepTest {
    /** Per version, one echo row of {@code rounds} forks: the round's drift times the version's level times noise. */
    private static List<List<JmhResult>> sweep(double[] levels, int rounds, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] drift = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            drift[i] = 1 + 0.2 * (r.nextDouble() - 0.5); // the machine's drift: 20 %, shared by every version in a round
        }
        List<List<JmhResult>> out = new ArrayList<>();
        for (double level : levels) {
            double[] forks = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                forks[i] = 30000 * level * drift[i] * (1 + noise * r.nextGaussian());
            }
            out.add(List.of(PairedComparisonTest.forks("thrpt", "8192", forks)));
        }
        return out;
    }

    private static List<String> versions(int n) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add("4.1." + (90 + i) + ".Final");
        }
        return v;
    }

    @Test
    void aSweepOfOneReleaseFlagsNoStep() {
        int flagged = 0;
        for (long seed = 1; seed <= 40; seed++) {
            ReleaseSweep s = ReleaseSweep.of(versions(5), sweep(new double[] {1, 1, 1, 1, 1}, 10, 0.01, seed), Map.of(), 0);
            flagged += s.flagged().size();
            assertEquals(4, s.stepCount());
        }
        assertTrue(flagged <= 4, "Holm over the steps: about 5 % of A/A sweeps may flag one, " + flagged + " of 40 flagged a step");
    }

    @Test
    void aDropAtOneReleaseIsFlaggedAtThatStepAlone() {
        ReleaseSweep s = ReleaseSweep.of(versions(6), sweep(new double[] {1, 1, 1, 0.86, 0.86, 0.86}, 10, 0.01, 3), Map.of(), 3);
        List<ReleaseSweep.Step> flagged = s.flagged();
        assertEquals(1, flagged.size(), s.format(false));
        assertEquals("4.1.92.Final", flagged.get(0).from());
        assertEquals("4.1.93.Final", flagged.get(0).to());
        assertEquals("REGRESSION", flagged.get(0).comparison().verdict());
        assertTrue(s.anyRegression());
        ReleaseSweep.Point last = s.rows().get(0).points().get(5);
        assertEquals(-14, last.changePercent(), 1.5, "the last version against the first");
        assertTrue(last.lowPercent() < -12 && last.highPercent() > -16, "its interval: " + last);
        assertTrue(s.format(true).contains("| 4.1.93.Final |"), "Markdown table");
        assertTrue(s.toJson("note").contains("\"verdict\": \"REGRESSION\""));
    }

    @Test
    void aVersionLeftOutOfARowIsBridgedAndNamed() {
        List<List<JmhResult>> results = new ArrayList<>(sweep(new double[] {1, 1, 1, 1}, 8, 0.01, 5));
        results.set(2, List.of());
        String key = results.get(0).get(0).key();
        ReleaseSweep s = ReleaseSweep.of(versions(4), results, Map.of(key, Map.of("4.1.92.Final", "failed in round 1: NoSuchMethodError")), 0);
        ReleaseSweep.Row row = s.rows().get(0);
        assertEquals(3, row.points().size());
        assertEquals("4.1.91.Final", row.steps().get(1).from());
        assertEquals("4.1.93.Final", row.steps().get(1).to(), "the step bridges the version left out");
        assertTrue(s.format(false).contains("left out: 4.1.92.Final: failed in round 1: NoSuchMethodError"), s.format(false));
    }

    @Test
    void versionsFromDifferentRunsAreRefused() {
        List<List<JmhResult>> results = new ArrayList<>(sweep(new double[] {1, 1}, 8, 0.01, 5));
        results.set(1, sweep(new double[] {1}, 7, 0.01, 6).get(0));
        ResultFileException e = assertThrows(ResultFileException.class, () -> ReleaseSweep.of(versions(2), results, Map.of(), 0));
        assertTrue(e.getMessage().contains("7 rounds, the versions before it 8"), e.getMessage());
    }

    @Test
    void theChartHasAPanelPerRow(@TempDir Path dir) throws Exception {
        ReleaseSweep s = ReleaseSweep.of(versions(6), sweep(new double[] {1, 1, 1, 0.86, 0.86, 0.86}, 10, 0.01, 3), Map.of(), 0);
        BufferedImage image = ImageIO.read(SweepChart.write(s, "Netty", "Netty", dir.resolve("sweep.png")).toFile());
        assertEquals(1100, image.getWidth());
        assertEquals(420, image.getHeight(), "one row, one panel");
    }

    @Test
    void theComparisonPictureHasALinePerRow(@TempDir Path dir) throws Exception {
        PairedComparison c = PairedComparison.of(List.of(PairedComparisonTest.forks("thrpt", "256", 100, 101, 99, 100, 102, 98, 100, 101),
                        PairedComparisonTest.forks("avgt", "8192", 10, 10, 10, 10, 10, 10, 10, 10)),
                List.of(PairedComparisonTest.forks("thrpt", "256", 90, 91, 89, 90, 92, 88, 90, 91),
                        PairedComparisonTest.forks("avgt", "8192", 10.1, 9.9, 10, 10.1, 9.9, 10, 10.05, 9.95)), 3);
        BufferedImage image = ImageIO.read(ComparisonChart.write(c, 3, "Netty A against B", dir.resolve("c.png")).toFile());
        assertEquals(70 + 2 * 30 + 60, image.getHeight());
        assertEquals(ComparisonChart.REGRESSION, ComparisonChart.colour(c.rows().get(0)), "10 % fewer operations a second");
        assertEquals(ComparisonChart.NOT_SIGNIFICANT, ComparisonChart.colour(c.rows().get(1)));
        Set<String> shared = ComparisonChart.sharedParams(c.rows());
        assertEquals(Set.of("server=NETTY"), shared, "a parameter with one value in every row tells no row apart");
        assertEquals("EchoBenchmark.roundTrip size=256", ComparisonChart.label(c.rows().get(0), shared));
    }

    @Test
    void oneRoundGivesNoIntervalAndNoVerdict() {
        ReleaseSweep s = ReleaseSweep.of(versions(3), sweep(new double[] {1, 0.5, 1}, 1, 0.01, 5), Map.of(), 0);
        assertFalse(s.anyRegression());
        assertTrue(s.flagged().isEmpty());
        assertTrue(s.format(false).contains("n/a (< 6 rounds)"), s.format(false));
    }
}
