package dev.wsbench.results;

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
}
