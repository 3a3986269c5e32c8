package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
