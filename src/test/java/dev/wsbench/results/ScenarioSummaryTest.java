package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.scenario.LatencyLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSummaryTest {
    private static String record(String server, int rate, double p99) {
        return "{\"benchmark\":\"dev.wsbench.jmh.OpenLoopBenchmark.echo\",\"metric\":\"open-loop latency from intended send time\","
                + "\"params\":{\"rate\":\"" + rate + "\",\"server\":\"" + server + "\",\"size\":\"256\"},\"count\":10,"
                + "\"p50Us\":100.0,\"p90Us\":150.0,\"p99Us\":" + p99 + ",\"p999Us\":2000.0,\"maxUs\":3000.0}";
    }

    @Test
    void sweepEndsAtTheFirstRateOverTheBound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.latency.jsonl");
        Files.writeString(file, String.join("\n",
                record("NETTY", 1000, 300), record("NETTY", 2000, 900), record("NETTY", 4000, 1500), record("NETTY", 8000, 800),
                record("JETTY", 1000, 1200)) + "\n");
        String table = ScenarioSummary.markdown(ScenarioSummary.read(file), 1000);
        // 8000/s had a lower p99 than 4000/s, but 4000/s already broke the bound: the sweep ends there
        assertTrue(table.contains("| NETTY | 256 | 2000 | 900.0 | [1000, 2000, 4000, 8000] |"), table);
        assertTrue(table.contains("| JETTY | 256 | none | - | [1000] |"), table);
        assertTrue(table.contains("| rate=1000 server=NETTY size=256 | 10 | 100.0 | 150.0 | 300.0 | 2000.0 | 3000.0 |  |"), table);
    }

    @Test
    void everyForkCountsInTheSweepAndHistogramsMergeExactly(@TempDir Path dir) throws Exception {
        // Two forks of the same row: the first kept p99 under the bound, the second did not. The old
        // summary kept only the last fork read; merging must see both.
        LatencyLog fast = new LatencyLog();
        LatencyLog slow = new LatencyLog();
        fast.startIteration();
        slow.startIteration();
        for (int i = 0; i < 1000; i++) {
            fast.record(100_000); // 100 µs
            slow.record(i < 900 ? 100_000 : 5_000_000); // 10 % at 5 ms
        }
        fast.endIteration(true);
        slow.endIteration(true);
        String slowFork = withHistogram(record("NETTY", 1000, 5000), slow, 20);
        String fastFork = withHistogram(record("NETTY", 1000, 100), fast, 20);
        Path file = dir.resolve("forks.latency.jsonl");
        Files.writeString(file, slowFork + "\n" + fastFork + "\n");
        String table = ScenarioSummary.markdown(ScenarioSummary.read(file), 1000);
        // merged: 2000 values, 100 of them at 5 ms, so p99 is 5 ms and the sweep finds no rate
        assertTrue(table.contains("| NETTY | 256 | none | - | [1000] |"), table);
        assertTrue(table.contains("| rate=1000 server=NETTY size=256 | 2000 |"), table);
        assertTrue(table.contains("forks=2"), table);
    }

    @Test
    void aLaggingSenderIsFlagged(@TempDir Path dir) throws Exception {
        LatencyLog log = new LatencyLog();
        log.startIteration();
        log.record(100_000);
        log.endIteration(true);
        Path file = dir.resolve("lag.latency.jsonl");
        Files.writeString(file, withHistogram(record("NETTY", 1000, 100), log, 100) + "\n"
                + withHistogram(record("NETTY", 2000, 100), log, ScenarioSummary.SENDER_LAG_BOUND_US + 50) + "\n");
        String table = ScenarioSummary.markdown(ScenarioSummary.read(file), 1000);
        assertTrue(table.contains("sender lag p99 100.0 |"), table);
        assertTrue(table.contains("SENDER BEHIND SCHEDULE"), table);
    }

    private static String withHistogram(String record, LatencyLog log, double lagP99) {
        return record.substring(0, record.length() - 1) + ",\"histogram\":\"" + log.encodedHistogram()
                + "\",\"senderLag\":{\"p99Us\":" + lagP99 + "}}";
    }

    @Test
    void aBrokenLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.latency.jsonl");
        Files.writeString(file, record("NETTY", 1000, 300) + "\nnot json\n");
        ResultFileException e = assertThrows(ResultFileException.class, () -> ScenarioSummary.read(file));
        assertTrue(e.getMessage().startsWith(file + " line 2 is not a latency record"), e.getMessage());
        ResultFileException missing = assertThrows(ResultFileException.class, () -> ScenarioSummary.read(dir.resolve("none.jsonl")));
        assertTrue(missing.getMessage().startsWith("cannot read latency records"), missing.getMessage());
        assertEquals(1, ScenarioSummary.read(Files.writeString(dir.resolve("one.jsonl"), record("NETTY", 1, 1) + "\n\n")).size());
    }
}
