package dev.wsbench;

import dev.wsbench.library.EchoClients;
import dev.wsbench.library.Library;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
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
 * on the first error as {@code -foe true} does. Checks that the benchmarks run, not how fast.
 */
class BenchmarkSmokeTest {

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
                .param("server", Library.withServer().stream().map(Library::name).toArray(String[]::new))
                .param("library", Library.withCodec().stream().map(Library::name).toArray(String[]::new));
    }

    @Test
    void everyBenchmarkRunsWithItsDefaultParameters() throws Exception {
        // Scenario scales kept small here (the full sizes run in `mvn jmh:run -Djmh.set=scenarios`).
        Collection<RunResult> results = new Runner(brief("^dev\\.wsbench\\.jmh\\.")
                .param("receivers", "10")
                .param("connections", "10")
                .param("rate", "2000")
                .build()).run();
        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(allBenchmarks(), ran, "every benchmark in BenchmarkList ran");
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getSampleCount() > 0, "no samples: " + r.getParams());
        }
    }

    @Test
    void everyClientRunsInTheEchoBenchmark() throws RunnerException {
        Collection<RunResult> results = new Runner(brief("^dev\\.wsbench\\.jmh\\.EchoBenchmark\\.roundTrip$")
                .param("client", EchoClients.names().toArray(String[]::new))
                .param("type", "BINARY", "TEXT")
                .param("size", "256")
                .build()).run();
        assertEquals(EchoClients.names().size() * 2 * Library.withServer().size(), results.size());
    }

    private static Set<String> allBenchmarks() throws Exception {
        try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            return BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
