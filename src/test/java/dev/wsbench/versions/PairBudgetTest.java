package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static final boolean[] ECHO_THEN_CODEC = {true, true, false};
    private static final int[] PILOT = {3, 3, 3};

    @Test
    void rowsThatMissTheirTargetAtTheFloorAreRaisedToItAndTheTimeIsUsed() {
        PairBudget budget = new PairBudget(3);
        double[] spread = {0.01, 0.02, 0.03};
        double[] seconds = {10, 10, 2};
        double[] target = {0.02, 0.02, 0.05};
        int floor = budget.floor();
        assertTrue(budget.detectable(0.02, floor) > 0.02, "the second row misses 2 % at the floor");
        int[] wanted = budget.allocate(spread, seconds, target, ECHO_THEN_CODEC, PILOT, 1200);
        for (int r = 0; r < 3; r++) {
            assertTrue(wanted[r] >= floor, "never below the floor: " + PairBudget.describe(wanted));
            assertTrue(budget.detectable(spread[r], wanted[r]) <= target[r], "every row reaches its target: " + PairBudget.describe(wanted));
        }
        assertTrue(budget.detectable(0.02, wanted[1] - 1) > 0.02 || wanted[1] > wanted[0], "more spread, more pairs: " + PairBudget.describe(wanted));
        double used = PairBudget.secondsFor(wanted, PILOT, seconds);
        assertTrue(used <= 1200, "within the time left: " + used);
        assertTrue(used > 1200 - 10, "and what is left after the targets goes to the rows: " + used);
    }

    @Test
    void echoRowsReachTheirTargetBeforeCodecRowsAndAHopelessRowDoesNotBlockTheRest() {
        PairBudget budget = new PairBudget(3);
        double[] spread = {0.025, 0.50, 0.08};
        double[] seconds = {10, 10, 5};
        double[] target = {0.02, 0.02, 0.05};
        int floor = budget.floor();
        int echoNeeds = pairsFor(budget, 0.025, 0.02);
        double justTheEcho = (echoNeeds - 3) * 10 + (floor - 3) * 10 + (floor - 3) * 5 + 3; // the floors, the echo row to target, no pair more
        int[] wanted = budget.allocate(spread, seconds, target, new boolean[] {true, true, false}, PILOT, justTheEcho);
        assertEquals(echoNeeds, wanted[0], "the echo row reaches its target: " + PairBudget.describe(wanted));
        assertEquals(floor, wanted[1], "a row that cannot reach its target in the time keeps the floor: " + PairBudget.describe(wanted));
        assertEquals(floor, wanted[2], "the codec row waits for the echo row: " + PairBudget.describe(wanted));
    }

    @Test
    void whatIsLeftGoesToTheRowNearestItsTargetThenToTheLeastMargin() {
        PairBudget budget = new PairBudget(3);
        int floor = budget.floor();
        int[] atFloor = {floor, floor, floor};
        int[] wanted = budget.allocate(new double[] {0.005, 0.5, 0.03}, new double[] {1, 1, 1}, new double[] {0.02, 0.02, 0.02}, new boolean[3],
                atFloor, 5);
        assertEquals(floor, wanted[0], "already at its target: " + PairBudget.describe(wanted));
        assertEquals(floor, wanted[1], "hundreds of pairs from its target: " + PairBudget.describe(wanted));
        assertEquals(floor + 5, wanted[2], "every pair left to the row nearest its target: " + PairBudget.describe(wanted));
        wanted = budget.allocate(new double[] {0.004, 0.008}, new double[] {1, 1}, new double[] {0.02, 0.02}, new boolean[2], new int[] {floor, floor}, 3);
        assertEquals(floor + 3, wanted[1], "both at their target: the least margin gets what is left: " + PairBudget.describe(wanted));
    }

    @Test
    void aBudgetTooShortForTheFloorGivesEveryRowTheFloorAndNoRowLosesPairsMade() {
        PairBudget budget = new PairBudget(2);
        int[] wanted = budget.allocate(new double[] {0.05, 0.2}, new double[] {10, 10}, new double[] {0.02, 0.02}, new boolean[] {true, true},
                new int[] {3, 40}, 30);
        assertEquals(budget.floor(), wanted[0]);
        assertEquals(40, wanted[1]);
    }

    @Test
    void identicalPilotForksDoNotStarveOrFloodARow() {
        PairBudget budget = new PairBudget(3);
        int[] wanted = budget.allocate(new double[] {0, Double.NaN, 0.03}, new double[] {1, 1, 1}, new double[] {0.02, 0.02, 0.02}, new boolean[3],
                PILOT, 100_000);
        assertTrue(wanted[0] >= budget.floor() && wanted[2] <= PairBudget.MAX_PAIRS, PairBudget.describe(wanted));
    }

    @Test
    void theDetectableMultipleFallsSteeplyJustAboveHolmsFloor() {
        PairBudget budget = new PairBudget(9);
        assertEquals(9, budget.floor());
        assertEquals(2.0, Math.log1p(budget.detectable(0.01, 9)) / 0.01, 0.1, "at the floor only all-same-sign rows count");
        assertTrue(budget.detectable(0.01, 12) < 0.75 * budget.detectable(0.01, 9), "three pairs more: a third less");
    }

    private static int pairsFor(PairBudget budget, double spread, double target) {
        int n = budget.floor();
        while (budget.detectable(spread, n) > target) {
            n++;
        }
        return n;
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
