package dev.wsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.library.EchoClients;
import dev.wsbench.library.Library;
import dev.wsbench.placement.CpuProfiler;
import dev.wsbench.results.EchoSummary;
import dev.wsbench.results.FrameSummary;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.results.Report;
import dev.wsbench.results.ScenarioSummary;
import dev.wsbench.scenario.LatencyLog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of the suite for one very short iteration, in this JVM (no fork), failing
 * on the first error as {@code -foe true} does, and renders every table and the report from the run's
 * own result files. Checks that the benchmarks run and their results reach the tables, not how fast.
 * With {@code -Dwsbench.libraries} ({@link TestLibraries}) only those servers and codecs.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path dir;

    private static ChainedOptionsBuilder brief(String include) {
        return new OptionsBuilder()
                .include(include)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(30))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                // what the launcher (RoleParams) gives JMH when -p server= / -p library= are not given
                .param(ParamNames.SERVER, names(servers()))
                .param(ParamNames.LIBRARY, names(TestLibraries.codecs().isEmpty() ? Library.withCodec() : TestLibraries.codecs()));
    }

    /** The selected servers ({@link TestLibraries}), or all when the selection has none (a client-only library). */
    private static List<Library> servers() {
        return TestLibraries.servers().isEmpty() ? Library.withServer() : TestLibraries.servers();
    }

    private static String[] names(List<Library> libraries) {
        return libraries.stream().map(Library::name).toArray(String[]::new);
    }

    @Test
    void everyBenchmarkRunsWithItsDefaultParametersAndEveryTableHasRows() throws Exception {
        Path json = dir.resolve("smoke.json");
        Path latency = dir.resolve("smoke-latency.jsonl");
        String latencyBefore = System.getProperty(LatencyLog.FILE_PROPERTY);
        System.setProperty(LatencyLog.FILE_PROPERTY, latency.toString()); // forks(0): the benchmarks run in this JVM
        Collection<RunResult> results;
        try {
            // Scenario scales kept small here (the full sizes run in `mvn jmh:run -Djmh.set=scenarios`).
            results = new Runner(brief("^" + BenchmarkNames.PACKAGE.replace(".", "\\."))
                    .param(ParamNames.RECEIVERS, "10")
                    .param(ParamNames.CONNECTIONS, "10")
                    .param(ParamNames.RATE, "2000")
                    .resultFormat(ResultFormatType.JSON)
                    .result(json.toString())
                    .build()).run();
        } finally {
            if (latencyBefore == null) {
                System.clearProperty(LatencyLog.FILE_PROPERTY);
            } else {
                System.setProperty(LatencyLog.FILE_PROPERTY, latencyBefore);
            }
        }
        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(allBenchmarks(), ran, "every benchmark in BenchmarkList ran");
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getSampleCount() > 0, "no samples: " + r.getParams());
        }

        // The tables and the report a run prints, from this run's own files: a benchmark or parameter
        // renamed without its constant leaves one of them empty.
        List<JmhResult> parsed = JmhResultFile.read(json);
        String echo = EchoSummary.markdown(parsed);
        assertTrue(echo.contains("| raw TCP |"), "echo table has the raw TCP rows: " + echo);
        for (Library server : servers()) {
            assertTrue(echo.contains("| " + server.name() + " | REFERENCE |"), "echo table has " + server + ": " + echo);
        }
        String frames = FrameSummary.markdown(parsed);
        for (Library codec : TestLibraries.codecs()) {
            assertTrue(frames.contains(codec.name()) || frames.contains(codec.displayName()), "masking and parsing tables have " + codec + ": " + frames);
        }
        assertFalse(ScenarioSummary.markdown(ScenarioSummary.read(latency), ScenarioSummary.P99_BOUND_US).isBlank(), "the open-loop table has rows");
        String report = Files.readString(Report.write(parsed, json, dir.resolve("report")));
        assertTrue(report.contains(".png"), "the report draws charts: " + report);
    }

    @Test
    void everyClientRunsInTheEchoBenchmark() throws RunnerException {
        Collection<RunResult> results = new Runner(brief("^" + Pattern.quote(BenchmarkNames.qualified(BenchmarkNames.ECHO)) + "$")
                .param(ParamNames.CLIENT, EchoClients.names().toArray(String[]::new))
                .param(ParamNames.TYPE, "BINARY", "TEXT")
                .param(ParamNames.SIZE, "256")
                .build()).run();
        assertEquals(EchoClients.names().size() * 2 * servers().size(), results.size());
    }

    /**
     * JMH tears a trial down (the server stops) inside its last iteration, before the profilers read
     * their figures: the one iteration here is the last, so its server CPU is what the server's
     * threads used up to their stop (read after it, it was about 0: the threads had ended).
     */
    @Test
    void theLastIterationKeepsTheServersCpu() throws RunnerException {
        Library server = servers().get(0);
        RunResult result = new Runner(brief("^" + Pattern.quote(BenchmarkNames.qualified(BenchmarkNames.ECHO)) + "$")
                .param(ParamNames.SERVER, server.name())
                .param(ParamNames.SIZE, "256")
                .measurementTime(TimeValue.milliseconds(200))
                .addProfiler(CpuProfiler.class)
                .build()).run().iterator().next();
        double process = result.getSecondaryResults().get(CpuProfiler.PROCESS_METRIC).getScore();
        double serverCpu = result.getSecondaryResults().get(CpuProfiler.SERVER_METRIC).getScore();
        // not a speed: the share of a round trip's CPU that is the server's echo, from tens of percent down to 0 with the bug
        assertTrue(serverCpu > process / 100, server + ": server CPU " + serverCpu + " µs/op of the process's " + process);
    }

    private static Set<String> allBenchmarks() throws Exception {
        try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            return BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
