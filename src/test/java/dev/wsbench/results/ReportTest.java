package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path dir;

    @Test
    void writesMarkdownAndOneChartPerKindAndSize() throws Exception {
        String echo = JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt",
                "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\"", 5000, "ops/s");
        String raw = JmhResultFileTest.result("RawTcpEchoBenchmark.roundTrip", "thrpt", "\"size\":\"256\"", 9000, "ops/s");
        String mask = JmhResultFileTest.result("MaskingBenchmark.library", "avgt",
                "\"library\":\"JETTY\",\"kernel\":\"N/A\",\"buffer\":\"HEAP\",\"size\":\"8192\"", 2000, "ns/op");
        Path result = dir.resolve("run.json");
        Files.writeString(result, "[" + echo + "," + raw + "," + mask + "]");
        Path md = Report.write(JmhResultFile.read(result), result, dir.resolve("out"));
        String text = Files.readString(md);
        assertTrue(text.contains("![run-echo-256.png](run-echo-256.png)") && text.contains("![run-masking-8192.png]"), text);
        assertTrue(text.contains("| NETTY | REFERENCE | BINARY | 256 | 5000 |"), text);
        assertTrue(Files.size(dir.resolve("out/run-echo-256.png")) > 1000);
        assertTrue(Files.size(dir.resolve("out/run-masking-8192.png")) > 1000);
    }

    @Test
    void oneEchoChartPerPlacementSoThatPlacementsDoNotOverwriteEachOther() throws Exception {
        String free = JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt",
                "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\",\"placement\":\"FREE\"", 15000, "ops/s");
        String one = JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt",
                "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\",\"placement\":\"ONE_CPU\"", 50000, "ops/s");
        Path result = dir.resolve("run.json");
        Files.writeString(result, "[" + free + "," + one + "]");
        String text = Files.readString(Report.write(JmhResultFile.read(result), result, dir.resolve("out")));
        assertTrue(text.contains("![run-echo-256-FREE.png]") && text.contains("![run-echo-256-ONE_CPU.png]"), text);
    }

    /** An echo or raw row of three forks, with CPU figures, the whole fork on one CPU. */
    private static String threeForks(String benchmark, String params, double score) {
        String row = JmhResultFileTest.result(benchmark, "thrpt", params + ",\"placement\":\"ONE_CPU\"", score, "ops/s")
                .replace("\"rawData\":[[" + score + "]]", "\"rawData\":[[" + (score * 0.98) + "],[" + score + "],[" + (score * 1.02) + "]]");
        return row.substring(0, row.length() - 1) + ",\"secondaryMetrics\":{"
                + "\"cpu.us/op\":{\"score\":20.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[20.0]]},"
                + "\"cpu.server.us/op\":{\"score\":10.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[10.0]]}}}";
    }

    @Test
    void cpuAndOverheadChartsWhereTheRunHasTheirFigures() throws Exception {
        String echo = threeForks("EchoBenchmark.roundTrip", "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\"", 50000);
        String raw = threeForks("RawTcpEchoBenchmark.roundTrip", "\"size\":\"256\"", 60000);
        Path result = dir.resolve("run.json");
        Files.writeString(result, "[" + echo + "," + raw + "]");
        String text = Files.readString(Report.write(JmhResultFile.read(result), result, dir.resolve("out")));
        for (String chart : List.of("run-echo-256-ONE_CPU.png", "run-cpu-256-ONE_CPU.png", "run-overhead-256.png")) {
            assertTrue(text.contains("![" + chart + "]") && Files.size(dir.resolve("out/" + chart)) > 1000, chart + ": " + text);
        }
        List<JmhResult> rows = JmhResultFile.read(result);
        assertEquals("error bars: 95 % interval of the mean over 3 forks", Report.forkNote(rows));
    }

    @Test
    void severalResultFilesMakeOneReport() throws Exception {
        Path echo = dir.resolve("run.json");
        Files.writeString(echo, "[" + threeForks("EchoBenchmark.roundTrip", "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\"", 50000) + "]");
        String memory = JmhResultFileTest.result("ConnectionMemoryBenchmark.idleConnections", "avgt", "\"server\":\"NETTY\",\"connections\":\"1000\"", 3, "s/op");
        Path mem = dir.resolve("memory.json");
        Files.writeString(mem, "[" + memory.substring(0, memory.length() - 1) + ",\"secondaryMetrics\":{"
                + "\"heapKiBPerConnection\":{\"score\":3.3,\"scoreError\":\"NaN\",\"scoreUnit\":\"#\",\"rawData\":[[3.3]]},"
                + "\"rssKiBPerConnection\":{\"score\":32.4,\"scoreError\":\"NaN\",\"scoreUnit\":\"#\",\"rawData\":[[32.4]]}}}]");
        Report.main(new String[] {echo + "," + mem, dir.resolve("both").toString()});
        String text = Files.readString(dir.resolve("both/run-report.md"));
        assertTrue(text.contains("![run-echo-256-ONE_CPU.png]") && text.contains("![run-memory-1000.png]"), text);
    }

    @Test
    void oneForkRowsHaveNoErrorBarAndTheAxisSaysSo() {
        JmhResult one = JmhResultFileTest.parse(JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt", "\"size\":\"256\"", 1, "ops/s")).get(0);
        assertEquals("one fork per row: no error bars", Report.forkNote(List.of(one)));
        assertFalse(ForkSpread.of(one).hasInterval());
        ForkSpread three = ForkSpread.of(new double[] {98, 100, 102});
        assertEquals(100, three.mean(), 1e-9);
        assertEquals(4.303 * 2 / Math.sqrt(3), three.halfWidth(), 0.01); // t(0.975, 2) * sd / sqrt(n)
    }

    @Test
    void librariesKeepTheirColourAndReferenceSeriesAreGrey() {
        assertEquals(Report.colour("NETTY", 0), Report.colour("NETTY", 3));
        assertNotEquals(Report.colour("NETTY", 0), Report.colour("JETTY", 0));
        assertEquals(Report.colour("raw TCP", 0), Report.colour("COPY", 0)); // first grey of its chart
    }
}
