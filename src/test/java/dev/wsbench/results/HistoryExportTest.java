package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Otava history: stable row names, the provenance as attributes, one entry per run, re-exports replacing. */
class HistoryExportTest {
    @TempDir
    Path dir;

    private Path run(Path file, double score) throws Exception {
        String echo = JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt",
                "\"server\":\"NETTY\",\"size\":\"256\",\"client\":\"REFERENCE\",\"type\":\"BINARY\",\"placement\":\"ONE_CPU\"", score, "ops/s")
                .replace("}}", "},\"secondaryMetrics\":{\"cpu.us/op\":{\"score\":20.5,\"scoreError\":\"NaN\",\"scoreUnit\":\"µs/op\",\"rawData\":[[20.5]]}}}");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[" + echo + "]");
        Provenance.capture(List.of("EchoBenchmark")).writeBeside(file);
        return file;
    }

    private static JsonArray history(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file)).getAsJsonArray();
    }

    @Test
    void aRunBecomesOneEntryWithStableNamesAndItsProvenance() throws Exception {
        Path history = dir.resolve("history.json");
        HistoryExport.export(history, List.of(run(dir.resolve("jmh-1.json"), 51000)), "main");
        JsonArray entries = history(history);
        assertEquals(1, entries.size());
        JsonObject entry = entries.get(0).getAsJsonObject();
        assertTrue(entry.get("timestamp").getAsLong() > 1_700_000_000L, entry.toString());
        List<String> names = new ArrayList<>();
        entry.getAsJsonArray("metrics").forEach(m -> names.add(m.getAsJsonObject().get("name").getAsString()));
        String row = "EchoBenchmark.roundTrip{client=REFERENCE,placement=ONE_CPU,server=NETTY,size=256,type=BINARY}";
        assertEquals(List.of(row, row + ":cpu.us/op"), names);
        assertEquals(51000, entry.getAsJsonArray("metrics").get(0).getAsJsonObject().get("value").getAsDouble());
        JsonObject attributes = entry.getAsJsonObject("attributes");
        for (String key : List.of("run", "commit", "jdk", "machine", "netty", "jetty", "vert-x", "okhttp", "jmh")) {
            assertTrue(attributes.has(key) && !attributes.get(key).getAsString().isBlank(), key + " in " + attributes);
        }
        assertEquals("main", attributes.get("branch").getAsString());
    }

    @Test
    void exportingARunAgainReplacesItsEntry() throws Exception {
        Path history = dir.resolve("history.json");
        Path file = run(dir.resolve("jmh-1.json"), 51000);
        HistoryExport.export(history, List.of(file), null);
        HistoryExport.export(history, List.of(file), null);
        assertEquals(1, history(history).size());
        HistoryExport.export(history, List.of(run(dir.resolve("jmh-2.json"), 50000)), null);
        assertEquals(2, history(history).size());
    }

    @Test
    void aFoldersRunsMeasuredTogetherAreStampedApartInNameOrder() throws Exception {
        Path sweep = dir.resolve("sweep");
        run(sweep.resolve("versions/4.1.10.Final.json"), 3);
        run(sweep.resolve("versions/4.1.9.Final.json"), 2);
        run(sweep.resolve("versions/4.1.8.Final.json"), 1);
        Files.writeString(sweep.resolve("sweep.json"), "{}"); // the sweep's own summary: no provenance beside it, not a run
        List<Path> files = HistoryExport.resultFiles(sweep);
        assertEquals(List.of("4.1.8.Final.json", "4.1.9.Final.json", "4.1.10.Final.json"), files.stream().map(f -> f.getFileName().toString()).toList());
        Path history = dir.resolve("history.json");
        HistoryExport.export(history, files, null);
        JsonArray entries = history(history);
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i).getAsJsonObject().get("timestamp").getAsLong() > entries.get(i - 1).getAsJsonObject().get("timestamp").getAsLong());
            assertEquals(i + 1, entries.get(i).getAsJsonObject().getAsJsonArray("metrics").get(0).getAsJsonObject().get("value").getAsDouble());
        }
    }

    @Test
    void unusableInputIsOneLineNamingTheFile() throws Exception {
        Path bare = dir.resolve("bare.json");
        Files.writeString(bare, "[" + JmhResultFileTest.result("EchoBenchmark.roundTrip", "thrpt", "\"size\":\"256\"", 1, "ops/s") + "]");
        String noProvenance = assertThrows(ResultFileException.class, () -> HistoryExport.export(dir.resolve("h.json"), List.of(bare), null))
                .getMessage();
        assertTrue(noProvenance.contains("bare.json: no provenance beside it"), noProvenance);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"not\": \"a history\"}");
        Path file = run(dir.resolve("jmh-1.json"), 1);
        String notHistory = assertThrows(ResultFileException.class, () -> HistoryExport.export(broken, List.of(file), null)).getMessage();
        assertTrue(notHistory.contains("not an Otava JSON history"), notHistory);
        assertThrows(ResultFileException.class, () -> HistoryExport.resultFiles(dir.resolve("missing")));
    }
}
