package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.library.Library;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.client.EchoCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterleavedComparisonTest {
    @TempDir
    Path dir;

    @Test
    void scheduleGivesEveryRowOnePairPerRoundWithBothSidesAdjacent() {
        List<Schedule.Fork> forks = Schedule.of(3, 10, 42);
        assertEquals(60, forks.size());
        for (int i = 0; i < forks.size(); i += 2) {
            Schedule.Fork a = forks.get(i);
            Schedule.Fork b = forks.get(i + 1);
            assertEquals(a.row(), b.row());
            assertEquals(a.pair(), b.pair());
            assertTrue(a.side() != b.side());
        }
        Map<Schedule.Side, Long> first = forks.stream().filter(f -> forks.indexOf(f) % 2 == 0)
                .collect(Collectors.groupingBy(Schedule.Fork::side, Collectors.counting()));
        assertTrue(first.getOrDefault(Schedule.Side.BASELINE, 0L) > 5 && first.getOrDefault(Schedule.Side.CANDIDATE, 0L) > 5,
                "both sides go first in some pairs: " + first);
        assertEquals(forks, Schedule.of(3, 10, 42), "seeded");
    }

    @Test
    void defaultArgumentsSelectTheLibraryInOnePlacementAndKeepTheUsers() {
        List<String> defaults = InterleavedComparison.jmhArgs(Library.JETTY, List.of());
        assertEquals(InterleavedComparison.DEFAULT_BENCHMARKS, defaults.get(0));
        assertTrue(String.join(" ", defaults).endsWith("-p server=JETTY -p library=JETTY -p placement=ONE_CPU"), defaults.toString());
        List<String> own = InterleavedComparison.jmhArgs(Library.NETTY, List.of("EchoBenchmark.roundTrip$", "-p", "placement=FREE"));
        assertEquals(List.of("EchoBenchmark.roundTrip$", "-p", "placement=FREE", "-p", "server=NETTY", "-p", "library=NETTY"), own);
    }

    @Test
    void refusesWhatTheRunDecidesItselfWithOneLine() {
        String forks = assertThrows(InterleavedComparison.UsageException.class,
                () -> InterleavedComparison.options(List.of("Echo", "-f", "3"))).getMessage();
        assertTrue(forks.contains("--pairs"), forks);
        String files = assertThrows(InterleavedComparison.UsageException.class,
                () -> InterleavedComparison.options(List.of("Echo", "-rff", "x.json"))).getMessage();
        assertTrue(files.contains("--out"), files);
        assertTrue(InterleavedComparison.withoutIncludes(List.of("-foe", "true", "Echo", "-p", "size=256")).getIncludes().isEmpty());
        String unknown = assertThrows(InterleavedComparison.UsageException.class, () -> InterleavedComparison.parse(new String[] {
            "--library", "no-such-library"})).getMessage();
        assertEquals("unknown library 'no-such-library'; known: " + Library.names(), unknown);
        String pairs = assertThrows(InterleavedComparison.UsageException.class, () -> InterleavedComparison.parse(new String[] {
            "--pairs", "3"})).getMessage();
        assertEquals("--pairs must be between 6 and 1000, got 3", pairs);
    }

    /**
     * A whole (tiny) interleaved run: six pairs of a Netty echo row and a Netty masking row, the
     * candidate a folder of Netty jars copied from the local repository, calibrated. Checks what
     * it writes, not what it measures.
     */
    @Test
    void runsPairsOnEachSidesClassPathAndWritesMergedJmhFiles() throws Exception {
        Path cp = dir.resolve("baseline.classpath");
        Files.writeString(cp, SideClasspath.join(SideClasspathTest.testClasspath()));
        Path jars = Files.createDirectories(dir.resolve("jars"));
        SideClasspathTest.copyJars(Library.NETTY, jars);
        Path out = dir.resolve("out");
        int code = InterleavedComparison.run(new String[] {"--library", "netty", "--baseline", "pom", "--baseline-classpath", cp.toString(),
            "--candidate", "copied", "--candidate-jars", jars.toString(), "--pairs", "6", "--seed", "5", "--calibrate", "20", "--out", out.toString(),
            "^dev.wsbench.jmh.(EchoBenchmark.roundTrip|MaskingBenchmark.library)$", "-p", "size=256", "-p", "placement=FREE",
            "-wi", "0", "-i", "1", "-r", "200ms", "-v", "EXTRA"});
        assertTrue(code == 0 || code == 1, "compared (what it found is timing, not tested here): " + code);
        List<JmhResult> base = JmhResultFile.read(out.resolve("baseline.json"));
        List<JmhResult> cand = JmhResultFile.read(out.resolve("candidate.json"));
        assertEquals(2, base.size());
        assertEquals(2, cand.size());
        for (JmhResult r : base) {
            assertEquals(6, r.rawData().size(), "six forks, one per pair: " + r.key());
        }
        String candidateJson = Files.readString(out.resolve("candidate.json"));
        String baselineJson = Files.readString(out.resolve("baseline.json"));
        assertTrue(candidateJson.contains(EchoCalibration.SPIN_PROPERTY), "the candidate's echo forks spin");
        assertFalse(baselineJson.contains(EchoCalibration.SPIN_PROPERTY), "the baseline's never");
        String log = Files.readString(out.resolve("jmh.log"));
        long fromFolder = log.lines().filter(l -> l.contains("Forking using command") && l.contains(jars.toAbsolutePath().toString())).count();
        assertEquals(12, fromFolder, "the candidate's forks, and only they, load Netty from the folder");
        String provenance = Files.readString(out.resolve("candidate.provenance.json"));
        assertTrue(provenance.contains("interleaved comparison of Netty: pom (baseline) vs copied (candidate), 6 pairs, order seed 5"), provenance);
        try (var forks = Files.list(out.resolve("forks"))) {
            assertEquals(1 + 2 * 2 * 6, forks.count(), "one sizing fork for the echo row, then two rows x two sides x six pairs");
        }
        String comparison = Files.readString(out.resolve("comparison.txt"));
        assertTrue(comparison.contains("EchoBenchmark.roundTrip") && comparison.contains("calibration: EchoBenchmark.roundTrip"), comparison);
        assertEquals(24, Files.readAllLines(out.resolve("order.tsv")).size() - 1);
    }
}
