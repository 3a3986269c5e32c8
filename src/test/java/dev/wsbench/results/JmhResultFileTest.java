package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.server.ServerInterventions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultFileTest {
    @TempDir
    Path dir;

    static String result(String benchmark, String mode, String params, double score, String unit) {
        return "{\"benchmark\":\"dev.wsbench.jmh." + benchmark + "\",\"mode\":\"" + mode + "\",\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"" + unit + "\","
                + "\"scorePercentiles\":{\"50.0\":" + score + ",\"99.0\":" + score + ",\"99.9\":" + score + "},\"rawData\":[[" + score + "]]}}";
    }

    /** Parses JMH JSON text (one result object) through the real reader. */
    static List<JmhResult> parse(String resultObject) {
        try {
            Path file = Files.createTempFile("jmh", ".json");
            Files.writeString(file, "[" + resultObject + "]");
            try {
                return JmhResultFile.read(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String content) throws Exception {
        Path file = dir.resolve("r.json");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsScoresParamsAndRawData() throws Exception {
        List<JmhResult> results = JmhResultFile.read(write("[" + result("EchoBenchmark.roundTrip", "thrpt",
                "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\"", 5000, "ops/s") + "]"));
        assertEquals(1, results.size());
        JmhResult r = results.get(0);
        assertEquals("EchoBenchmark.roundTrip", r.shortName());
        assertEquals("NETTY", r.param("server"));
        assertEquals(5000, r.score());
        assertTrue(Double.isNaN(r.scoreError()));
        assertEquals(List.of(List.of(5000.0)), r.rawData());
    }

    @Test
    void summaryGivesTheRatioToRawTcpOfTheSameSize() throws Exception {
        String json = "[" + result("RawTcpEchoBenchmark.roundTrip", "thrpt", "\"size\":\"256\"", 10000, "ops/s") + ","
                + result("EchoBenchmark.roundTrip", "thrpt", "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\"", 5000, "ops/s")
                + "]";
        String table = EchoSummary.markdown(JmhResultFile.read(write(json)));
        assertTrue(table.contains("| FREE | NETTY | REFERENCE | BINARY | 256 | 5000 | n/a | 0.50 |"), table);
    }

    @Test
    void theEchoTableShowsServerInterventionsOnlyWhenARowHasSome() throws Exception {
        String jws = result("EchoBenchmark.roundTrip", "thrpt", "\"server\":\"JAVA_WEBSOCKET\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\"", 5000, "ops/s");
        String counted = jws.substring(0, jws.length() - 1) + ",\"secondaryMetrics\":{\"" + ServerInterventions.METRIC
                + "\":{\"score\":3.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"#\",\"rawData\":[[3.0]]}}}";
        String table = EchoSummary.markdown(JmhResultFile.read(write("[" + counted + "]")));
        assertTrue(table.contains("| FREE | JAVA_WEBSOCKET | REFERENCE | BINARY | 256 | 5000 | n/a | n/a | n/a | n/a | n/a | n/a | n/a | - | 3 |"), table);
        assertTrue(table.contains("server interventions"), table);

        // results written before the rename carry the count as javaWebSocketRescues
        String legacy = counted.replace(ServerInterventions.METRIC, "javaWebSocketRescues");
        assertTrue(EchoSummary.markdown(JmhResultFile.read(write("[" + legacy + "]"))).contains("| - | 3 |"));

        String none = EchoSummary.markdown(JmhResultFile.read(write("[" + jws + "]")));
        assertFalse(none.contains("interventions"), none);
        assertTrue(none.contains("| n/a | n/a | - |\n"), none);
    }

    @Test
    void placementsKeepTheirOwnRawBaselineAndOneCpuRowsGetTheOverhead() throws Exception {
        String p1 = "\"placement\":\"ONE_CPU\",";
        String json = "[" + result("RawTcpEchoBenchmark.roundTrip", "thrpt", p1 + "\"size\":\"256\"", 50000, "ops/s") + ","
                + result("RawTcpEchoBenchmark.roundTrip", "thrpt", "\"placement\":\"FREE\",\"size\":\"256\"", 10000, "ops/s") + ","
                + withCpu(result("EchoBenchmark.roundTrip", "thrpt", p1 + "\"server\":\"NETTY\",\"client\":\"REFERENCE\",\"size\":\"256\",\"type\":\"BINARY\"", 40000, "ops/s"))
                + "]";
        String table = EchoSummary.markdown(JmhResultFile.read(write(json)));
        // ratio to the ONE_CPU raw echo (not the FREE one); overhead 1e6/40000 - 1e6/50000 = 25 - 20 = 5 µs; the rest of the
        // process used 3× the server's CPU, so the row is client-bound (ClientBound) and the table has that column
        assertTrue(table.contains("| ONE_CPU | NETTY | REFERENCE | BINARY | 256 | 40000 | n/a | 0.80 | n/a | n/a | n/a | 24.0 | 6.0 | 5.0"
                + " | client-bound: 3.0× the server's |\n"), table);
    }

    private static String withCpu(String result) {
        return result.substring(0, result.length() - 1) + ",\"secondaryMetrics\":{"
                + "\"cpu.us/op\":{\"score\":24.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[24.0]]},"
                + "\"cpu.server.us/op\":{\"score\":6.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[6.0]]}}}";
    }

    @Test
    void missingFileIsNamed() {
        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhResultFile.read(dir.resolve("absent.json")));
        assertEquals(dir.resolve("absent.json") + ": no such file", e.getMessage());
    }

    @Test
    void notJsonSaysWhatWasExpected() throws Exception {
        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhResultFile.read(write("Benchmark Mode Cnt Score")));
        assertTrue(e.getMessage().contains("not JSON") && e.getMessage().contains("-rf json"), e.getMessage());
    }

    @Test
    void emptyAndWrongShapesAreRejected() throws Exception {
        assertTrue(assertThrows(ResultFileException.class, () -> JmhResultFile.read(write("[]"))).getMessage().contains("no benchmark results"));
        assertTrue(assertThrows(ResultFileException.class, () -> JmhResultFile.read(write("{}"))).getMessage().contains("top-level array"));
        assertTrue(assertThrows(ResultFileException.class, () -> JmhResultFile.read(write("[{\"benchmark\":\"x\"}]")))
                .getMessage().contains("entry 0 is not a JMH benchmark result (missing \"primaryMetric\")"));
    }
}
