package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.Arguments.UsageException;
import dev.wsbench.ExitCode;
import dev.wsbench.library.Library;
import dev.wsbench.placement.CpuAffinity;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.client.EchoCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterleavedComparisonTest {
    @TempDir
    Path dir;

    @Test
    void scheduleGivesEveryRowOnePairPerRoundAndDrawsTheFirstSide() {
        List<Schedule.Pair> pairs = Schedule.fixed(3, 10, 42);
        assertEquals(30, pairs.size());
        for (int round = 0; round < 10; round++) {
            List<Schedule.Pair> r = pairs.subList(round * 3, round * 3 + 3);
            assertEquals(Set.of(0, 1, 2), r.stream().map(Schedule.Pair::row).collect(Collectors.toSet()), "each row once a round");
            assertTrue(r.stream().allMatch(p -> p.pair() == r.get(0).pair()));
        }
        Map<Schedule.Side, Long> first = pairs.stream().collect(Collectors.groupingBy(Schedule.Pair::first, Collectors.counting()));
        assertTrue(first.getOrDefault(Schedule.Side.BASELINE, 0L) > 5 && first.getOrDefault(Schedule.Side.CANDIDATE, 0L) > 5,
                "both sides go first (or get the first CPU) in some pairs: " + first);
        assertEquals(pairs, Schedule.fixed(3, 10, 42), "seeded");
        Schedule s = new Schedule(2, 1);
        assertEquals(2, s.round(new int[] {1, 2}).size());
        assertEquals(List.of(1), s.round(new int[] {1, 2}).stream().map(Schedule.Pair::row).toList(), "a row with its pairs gets no more");
        assertTrue(s.round(new int[] {1, 2}).isEmpty());
    }

    @Test
    void defaultArgumentsSelectTheLibraryInOnePlacementAndKeepTheUsers() {
        List<String> defaults = ComparisonRequest.jmhArgs(Library.JETTY, List.of());
        assertEquals(ComparisonRequest.DEFAULT_BENCHMARKS, defaults.get(0));
        assertTrue(String.join(" ", defaults).endsWith("-p server=JETTY -p library=JETTY -p placement=ONE_CPU"), defaults.toString());
        List<String> own = ComparisonRequest.jmhArgs(Library.NETTY, List.of("EchoBenchmark.roundTrip$", "-p", "placement=FREE"));
        assertEquals(List.of("EchoBenchmark.roundTrip$", "-p", "placement=FREE", "-p", "server=NETTY", "-p", "library=NETTY"), own);
        assertEquals(List.of("-foe", "true", "-wi", "2"), ComparisonRequest.forkArgs(List.of("-foe", "true", "Echo", "-p", "size=256", "-bm", "thrpt", "-wi", "2")),
                "each fork gets its own row's pattern, parameters and mode");
    }

    @Test
    void refusesWhatTheRunDecidesItselfWithOneLine() {
        String forks = assertThrows(UsageException.class, () -> ComparisonRequest.options(List.of("Echo", "-f", "3"))).getMessage();
        assertTrue(forks.contains("--pairs"), forks);
        String files = assertThrows(UsageException.class, () -> ComparisonRequest.options(List.of("Echo", "-rff", "x.json"))).getMessage();
        assertTrue(files.contains("--out"), files);
        String unknown = assertThrows(UsageException.class, () -> ComparisonRequest.parse(new String[] {"--library", "no-such-library"}, 2))
                .getMessage();
        assertEquals("unknown library 'no-such-library'; known: " + Library.names(), unknown);
        String pairs = assertThrows(UsageException.class, () -> ComparisonRequest.parse(new String[] {"--pairs", "0"}, 2)).getMessage();
        assertEquals("--pairs must be between 1 and 1000, got 0", pairs);
        String budget = assertThrows(UsageException.class, () -> ComparisonRequest.parse(new String[] {"--budget", "soon"}, 2)).getMessage();
        assertTrue(budget.contains("takes a duration such as 15m"), budget);
        String[] free = {"--library", "netty", "--baseline", "a", "--candidate", "b", "--baseline-classpath", "x", "--candidate-classpath", "y",
            "--out", dir.resolve("free").toString(), "EchoBenchmark.roundTrip$", "-p", "placement=FREE"};
        String placement = assertThrows(UsageException.class, () -> ComparisonRequest.parse(free, 2)).getMessage();
        assertTrue(placement.contains("--sequential"), placement);
        assertFalse(assertDoesNotThrow(() -> ComparisonRequest.parse(free, 1)).duet(), "one CPU: sequential pairs");
    }

    @Test
    void forksRunOnTheirSidesClassPathHeldToTheirCpuWithTheCalibrationSpinPrepended() throws Exception {
        Map<Schedule.Side, List<Path>> cps = Map.of(Schedule.Side.BASELINE, List.of(Path.of("/a.jar")), Schedule.Side.CANDIDATE, List.of(Path.of("/b.jar")));
        ForkRunner runner = new ForkRunner(List.of("-jvmArgsPrepend", "-Dx=1", "-v", "EXTRA"), cps, dir, System.out, true, false, CodecJit.DEFAULT);
        BenchmarkRow row = new BenchmarkRow("dev.wsbench.jmh.EchoBenchmark.roundTrip", org.openjdk.jmh.annotations.Mode.Throughput,
                Map.of("server", "NETTY", "size", "256"));
        String c = String.join(" ", runner.command(row, Schedule.Side.CANDIDATE, 1234, dir.resolve("f.json"), List.of(1)));
        assertTrue(c.startsWith("taskset -c 1 "), c);
        assertTrue(c.contains("-cp /b.jar org.openjdk.jmh.Main ^\\Qdev.wsbench.jmh.EchoBenchmark.roundTrip\\E$"), c);
        assertTrue(c.contains("-jvmArgsPrepend -Dx=1 -D" + EchoCalibration.SPIN_PROPERTY + "=1234"), c);
        BenchmarkRow codec = new BenchmarkRow("dev.wsbench.jmh.ParsingBenchmark.parse", org.openjdk.jmh.annotations.Mode.AverageTime,
                Map.of("library", "NETTY", "size", "256"));
        String p = String.join(" ", runner.command(codec, Schedule.Side.BASELINE, 0, dir.resolve("p.json"), null));
        assertTrue(p.contains("-jvmArgsPrepend " + ForkRunner.PRETOUCH + " -Dx=1 -bm avgt") && p.endsWith(String.join(" ", Timing.CODEC.jmhArgs())), p);
        assertTrue(c.contains("-bm thrpt -f 1 -wf 0 -foe true -rf json") && c.contains("-p size=256"), c);
        assertTrue(c.endsWith(String.join(" ", Timing.ECHO.jmhArgs())), c);
        String b = String.join(" ", runner.command(row, Schedule.Side.BASELINE, 0, dir.resolve("g.json"), null));
        assertFalse(b.contains("taskset") || b.contains(EchoCalibration.SPIN_PROPERTY), b);
    }

    @Test
    void codecForksAloneAreCompiledByC2WhenAskedAndAnUnknownSettingIsRefused() throws Exception {
        String[] c2 = {"--codec-jit", "c2", "--library", "netty", "--baseline", "a", "--candidate", "b", "--baseline-classpath", "x",
            "--candidate-classpath", "y", "--out", dir.resolve("c2").toString()};
        assertEquals(CodecJit.C2, ComparisonRequest.parse(c2, 2).codecJit());
        String unknown = assertThrows(UsageException.class, () -> ComparisonRequest.parse(new String[] {"--codec-jit", "c1"}, 2)).getMessage();
        assertEquals("--codec-jit takes tiered or c2, not 'c1'", unknown);
        ForkRunner runner = new ForkRunner(List.of(), Map.of(Schedule.Side.BASELINE, List.of(Path.of("/a.jar"))), dir, System.out, true, false,
                CodecJit.C2);
        BenchmarkRow codec = new BenchmarkRow("dev.wsbench.jmh.MaskingBenchmark.library", org.openjdk.jmh.annotations.Mode.AverageTime,
                Map.of("library", "NETTY", "size", "256"));
        String p = String.join(" ", runner.command(codec, Schedule.Side.BASELINE, 0, dir.resolve("m.json"), null));
        assertTrue(p.contains("-jvmArgsPrepend " + ForkRunner.PRETOUCH + " " + String.join(" ", CodecJit.C2.jvmArgs()) + " -bm avgt"), p);
        BenchmarkRow echo = new BenchmarkRow("dev.wsbench.jmh.EchoBenchmark.roundTrip", org.openjdk.jmh.annotations.Mode.Throughput,
                Map.of("server", "NETTY", "size", "256"));
        String e = String.join(" ", runner.command(echo, Schedule.Side.BASELINE, 0, dir.resolve("e.json"), null));
        assertFalse(e.contains(CodecJit.C2.jvmArgs().get(0)), "echo forks keep the JVM's default: " + e);
    }

    /**
     * A whole (tiny) interleaved run: three pairs (no interval: a smoke run) of a Netty echo row and a Netty masking row, the
     * candidate a folder of Netty jars copied from the local repository, calibrated, in parallel
     * pairs where the machine has two CPUs. Checks what it writes, not what it measures.
     */
    @Test
    void runsPairsOnEachSidesClassPathAndWritesMergedJmhFiles() throws Exception {
        Path cp = dir.resolve("baseline.classpath");
        Files.writeString(cp, SideClasspath.join(SideClasspathTest.testClasspath()));
        Path jars = Files.createDirectories(dir.resolve("jars"));
        SideClasspathTest.copyJars(Library.NETTY, jars);
        Path out = dir.resolve("out");
        ExitCode code = InterleavedComparison.run(new String[] {"--library", "netty", "--baseline", "pom", "--baseline-classpath", cp.toString(),
            "--candidate", "copied", "--candidate-jars", jars.toString(), "--pairs", "3", "--seed", "5", "--calibrate", "20", "--out", out.toString(),
            "^dev.wsbench.jmh.(EchoBenchmark.roundTrip|MaskingBenchmark.library)$", "-p", "size=256",
            "-wi", "0", "-i", "1", "-r", "200ms", "-v", "EXTRA"});
        assertTrue(code != ExitCode.UNUSABLE, "compared (what it found is timing, not tested here): " + code);
        List<JmhResult> base = JmhResultFile.read(out.resolve("baseline.json"));
        List<JmhResult> cand = JmhResultFile.read(out.resolve("candidate.json"));
        assertEquals(2, base.size());
        assertEquals(2, cand.size());
        for (JmhResult r : base) {
            assertEquals(3, r.rawData().size(), "three forks, one per pair: " + r.key());
        }
        String candidateJson = Files.readString(out.resolve("candidate.json"));
        String baselineJson = Files.readString(out.resolve("baseline.json"));
        assertTrue(candidateJson.contains(EchoCalibration.SPIN_PROPERTY), "the candidate's echo forks spin");
        assertFalse(baselineJson.contains(EchoCalibration.SPIN_PROPERTY), "the baseline's never");
        String log = Files.readString(out.resolve("jmh.log"));
        long fromFolder = log.lines().filter(l -> l.contains("Forking using command") && l.contains(jars.toAbsolutePath().toString())).count();
        assertEquals(6, fromFolder, "the candidate's forks, and only they, load Netty from the folder");
        String provenance = Files.readString(out.resolve("candidate.provenance.json"));
        assertTrue(provenance.contains("interleaved comparison of Netty: pom (baseline) vs copied (candidate), ") && provenance.contains("3 pairs a row"),
                provenance);
        try (var forks = Files.list(out.resolve("forks"))) {
            assertEquals(2 * (1 + 2 * 2 * 3), forks.count(), "JSON and output of one sizing fork for the echo row, then two rows x two sides x three pairs");
        }
        String comparison = Files.readString(out.resolve("comparison.txt"));
        assertTrue(comparison.contains("EchoBenchmark.roundTrip") && comparison.contains("calibration: EchoBenchmark.roundTrip"), comparison);
        assertTrue(comparison.contains("detectable"), comparison);
        List<String> order = Files.readAllLines(out.resolve("order.tsv"));
        assertEquals(12, order.size() - 1);
        if (CpuAffinity.allowedCpus().size() >= 2) {
            assertTrue(order.stream().skip(1).noneMatch(l -> l.split("\t")[4].equals("any")), "parallel pairs: every fork on its CPU: " + order);
        }
        assertTrue(Files.readString(out.resolve("comparison.json")).contains("\"detectablePercent\""));
    }
}
