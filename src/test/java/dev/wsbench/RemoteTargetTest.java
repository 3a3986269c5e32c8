package dev.wsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code -Dwsbench.target}: the client-side benchmarks measure a standalone server started as a
 * separate process, and fail with the target named once it is gone.
 */
class RemoteTargetTest {

    @AfterEach
    void clearTarget() {
        System.clearProperty(Settings.TARGET_PROPERTY);
    }

    @Test
    void benchmarksRunAgainstAStandaloneServerInAnotherProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.wsbench.library.StandaloneServer", "--server", "undertow", "--port", "0")
                .redirectErrorStream(true).start();
        try {
            String uri = CompletableFuture.supplyAsync(() -> listeningUri(process)).get(30, TimeUnit.SECONDS);
            System.setProperty(Settings.TARGET_PROPERTY, uri);

            Collection<RunResult> results = new Runner(brief("^dev\\.wsbench\\.jmh\\.(EchoBenchmark\\.roundTrip|RelayBenchmark\\.roundTrip"
                    + "|ConnectionScalingBenchmark\\.roundTrips)$")).run();
            assertEquals(3, results.size());
            for (RunResult r : results) {
                assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark());
            }

            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            RunnerException e = assertThrows(RunnerException.class,
                    () -> new Runner(brief("^dev\\.wsbench\\.jmh\\.EchoBenchmark\\.roundTrip$")).run());
            String where = uri.replaceFirst("^ws://", "").replaceFirst("/echo$", "");
            assertTrue(causes(e).contains("could not connect to " + uri) && causes(e).contains(where), causes(e));
        } finally {
            process.destroyForcibly();
        }
    }

    private static OptionsBuilder brief(String include) {
        OptionsBuilder options = new OptionsBuilder();
        options.include(include)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("server", "UNDERTOW")
                .param("size", "256")
                .param("connections", "10")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        return options;
    }

    private static String listeningUri(Process process) {
        Pattern listening = Pattern.compile("listening on (ws://\\S+)");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the standalone server exited without saying where it listens");
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
            for (Throwable s : c.getSuppressed()) {
                all.append(causes(s));
            }
        }
        return all.toString();
    }
}
