package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void librariesKeepTheirColourAndReferenceSeriesAreGrey() {
        assertEquals(Report.colour("NETTY", 0), Report.colour("NETTY", 3));
        assertNotEquals(Report.colour("NETTY", 0), Report.colour("JETTY", 0));
        assertEquals(Report.colour("raw TCP", 0), Report.colour("COPY", 0)); // first grey of its chart
    }
}
