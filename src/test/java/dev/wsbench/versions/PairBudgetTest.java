package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairBudgetTest {
    @TempDir
    Path dir;

    @Test
    void pairsGoWhereTheSpreadIsAndTheTimeFits() {
        double[] spread = {0.01, 0.04, 0.02};
        double[] seconds = {10, 10, 2};
        double[] target = {0.02, 0.02, 0.05};
        int[] wanted = PairBudget.allocate(spread, seconds, target, 9, 600, 3);
        assertTrue(wanted[1] > wanted[0], "four times the spread, more pairs: " + PairBudget.describe(wanted));
        for (int n : wanted) {
            assertTrue(n >= 9, "never below the floor: " + PairBudget.describe(wanted));
        }
        double used = PairBudget.secondsFor(wanted, new int[] {3, 3, 3}, seconds);
        assertTrue(used <= 600 + 10 * 2, "within the time left, give or take a pair's rounding: " + used);
        assertTrue(used > 450, "and most of it used: " + used);
    }

    @Test
    void aBudgetTooShortForTheFloorGivesEveryRowTheFloor() {
        int[] wanted = PairBudget.allocate(new double[] {0.05, 0.2}, new double[] {10, 10}, new double[] {0.02, 0.02}, 9, 30, 3);
        assertEquals(9, wanted[0]);
        assertEquals(9, wanted[1]);
    }

    @Test
    void identicalPilotForksDoNotStarveOrFloodARow() {
        int[] wanted = PairBudget.allocate(new double[] {0, Double.NaN, 0.03}, new double[] {1, 1, 1}, new double[] {0.02, 0.02, 0.02}, 9,
                100_000, 3);
        assertTrue(wanted[0] >= 9 && wanted[2] <= PairBudget.MAX_PAIRS, PairBudget.describe(wanted));
    }

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
        assertTrue(ForkLevels.fisherExactTwoSided(5, 0, 0, 5) < 0.01);
        assertEquals(1.0, ForkLevels.fisherExactTwoSided(2, 2, 2, 2), 1e-9);
    }

    @Test
    void mergedForksReadAsOneJmhRunOfThatManyForks() throws Exception {
        JsonObject a = fork(new double[] {10, 11, 12});
        JsonObject b = fork(new double[] {20, 21, 22});
        Path file = dir.resolve("side.json");
        MergedResults.write(file, List.of(List.of(a, b)));
        JmhResult r = JmhResultFile.read(file).get(0);
        assertEquals(2, r.rawData().size());
        assertEquals(16, r.score(), 1e-9, "the mean of every iteration, as JMH computes it");
        assertEquals(List.of(11.0, 21.0), java.util.Arrays.stream(r.forkSamples()).boxed().toList());
        assertEquals(2, JsonParser.parseString(java.nio.file.Files.readString(file)).getAsJsonArray().get(0).getAsJsonObject().get("forks").getAsInt());
    }

    private static JsonObject fork(double[] iterations) {
        StringBuilder raw = new StringBuilder("[[");
        for (int i = 0; i < iterations.length; i++) {
            raw.append(i == 0 ? "" : ",").append(iterations[i]);
        }
        raw.append("]]");
        return JsonParser.parseString("{\"benchmark\":\"dev.wsbench.jmh.EchoBenchmark.roundTrip\",\"mode\":\"thrpt\",\"forks\":1,\"params\":{\"size\":\"256\"},"
                + "\"primaryMetric\":{\"score\":0,\"scoreError\":0,\"scoreConfidence\":[0,0],\"scorePercentiles\":{\"50.0\":0},\"scoreUnit\":\"ops/s\","
                + "\"rawData\":" + raw + "},\"secondaryMetrics\":{}}").getAsJsonObject();
    }
}
