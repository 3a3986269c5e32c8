package dev.wsbench.cli;

import dev.wsbench.ParamNames;
import dev.wsbench.Settings;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.results.Provenance;
import dev.wsbench.results.RunSummary;
import dev.wsbench.results.ScenarioSummary;
import dev.wsbench.scenario.LatencyLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What {@code mvn jmh:run} starts: works out JMH's arguments ({@link #jmhArgs}: the user's
 * {@code -Djmh.args} or a named set, plus {@code -foe true} and a result file), checks the {@code -p}
 * options against the benchmarks' real {@code @Param} fields ({@link ParamCheck}), hands the
 * arguments to {@code org.openjdk.jmh.Main}, then writes provenance and prints the tables. Run
 * directly, its arguments are JMH's own, unchanged; {@link BenchmarksJar} is the same for
 * {@code java -jar target/benchmarks.jar}.
 *
 * <p>JMH on its own ignores a {@code -p} whose name no benchmark has (a typo silently runs the
 * defaults) and reports an unknown enum value as a stack trace from inside the fork. Here both are
 * one line that says what was wrong and what is allowed, with exit code 2.
 */
public final class JmhLauncher {
    private JmhLauncher() {
    }

    public static void main(String[] given) throws IOException {
        String[] args;
        try {
            args = jmhArgs(given, System.getProperties(), LocalDateTime.now());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(args);
    }

    /**
     * Checks JMH's arguments {@code args} (exit 2 with one line when a parameter, role value or
     * target is wrong), fills in the role values, runs JMH, then writes provenance and prints the
     * tables. {@code mvn jmh:run} and {@code java -jar target/benchmarks.jar} both end here.
     */
    static void run(String[] args) throws IOException {
        String problem = RoleParams.check(args);
        if (problem == null) {
            problem = ParamCheck.check(args);
        }
        if (problem == null) {
            problem = checkTarget(args);
        }
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(2);
        }
        args = RoleParams.complete(args);
        Path latencyFile = latencyFile(args);
        if (latencyFile != null) {
            Files.deleteIfExists(latencyFile);
        }
        org.openjdk.jmh.Main.main(withForkSettings(args, latencyFile)); // exits the JVM itself when a benchmark fails
        writeProvenance(args);
        printSummary(args);
        Path json = jsonResultFile(args);
        if (json != null) {
            System.out.println("Results: " + json + " (provenance beside it)");
        }
        if (latencyFile != null && Files.exists(latencyFile)) {
            System.out.print(ScenarioSummary.markdown(ScenarioSummary.read(latencyFile),
                    ScenarioSummary.P99_BOUND_US));
            System.out.println("\nLatency records: " + latencyFile);
        }
    }

    /** What the plugin passes: {@code --results-dir DIR} then {@code --args "JMH ARGS"} or {@code --set NAME}. */
    static final String RESULTS_DIR = "--results-dir";

    /**
     * JMH's arguments. From the plugin ({@code --results-dir DIR --args LINE} or {@code
     * --results-dir DIR --set NAME}, the sets being {@code jmh.set.*} in {@code sets}): the line
     * split as a shell would or the set's arguments, with {@code -foe true} and a JSON result file
     * {@code DIR/jmh-TIME.json} added unless given. Anything else is JMH's command line, unchanged.
     */
    static String[] jmhArgs(String[] given, Properties sets, LocalDateTime now) {
        if (given.length == 0 || !given[0].equals(RESULTS_DIR)) {
            return given;
        }
        if (given.length != 4 || !(given[2].equals("--args") || given[2].equals("--set"))) {
            throw new IllegalArgumentException("expected " + RESULTS_DIR + " DIR --args LINE | --set NAME, got " + String.join(" ", given));
        }
        List<String> user;
        if (given[2].equals("--args")) {
            user = JmhArgs.split(given[3]);
        } else {
            user = JmhArgs.ofSet(given[3], sets);
            System.out.println("Running benchmark set '" + given[3] + "': " + String.join(" ", user));
        }
        return withSuiteOptions(user, Path.of(given[1]), now);
    }

    /** {@code user}'s JMH arguments with the suite's options and a result file {@code dir/jmh-TIME.json} (the folder created). */
    static String[] withSuiteOptions(List<String> user, Path dir, LocalDateTime now) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the results folder " + dir + ": " + e.getMessage());
        }
        String stamp = now.format(Settings.RUN_STAMP);
        return JmhArgs.withSuiteOptions(user, dir.resolve("jmh-" + stamp).toString()).toArray(new String[0]);
    }

    /**
     * With {@code -Dwsbench.target}, the target must be a ws URI and exactly one {@code -p server}
     * value must say what runs there (otherwise every server label would measure the same remote).
     */
    static String checkTarget(String[] args) {
        URI target;
        try {
            target = Settings.target();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (target == null) {
            return null;
        }
        List<String> servers;
        try {
            servers = ParamCheck.given(args).getOrDefault(ParamNames.SERVER, List.of());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (servers.size() != 1) {
            return "with -D" + Settings.TARGET_PROPERTY + "=" + target + " give exactly one -p server=NAME to label the"
                    + " server running there (got " + (servers.isEmpty() ? "none" : String.join(",", servers)) + ")";
        }
        return null;
    }

    /** Where the scenario benchmarks append their latency records: beside the JSON result file. */
    static Path latencyFile(String[] args) {
        String result = JmhArgs.valueOf(Arrays.asList(args), "-rff");
        return result == null ? null : Path.of(result.replaceFirst("\\.json$", "") + ".latency.jsonl");
    }

    /**
     * Passes this JVM's {@code wsbench.*} settings (the Maven plugin forwards them from the command
     * line) and the latency file on to JMH's forks, as an extra {@code -jvmArgsPrepend} (JMH adds up
     * repeated ones, so the user's own stay in effect).
     */
    static String[] withForkSettings(String[] args, Path latencyFile) {
        List<String> settings = new ArrayList<>();
        // Without -jvmArgs, JMH already gives its forks this JVM's own arguments; add only what is not among them.
        List<String> inherited = Arrays.asList(args).contains("-jvmArgs")
                ? List.of() : ManagementFactory.getRuntimeMXBean().getInputArguments();
        new TreeMap<>(System.getProperties()).forEach((key, value) -> {
            String setting = "-D" + key + "=" + value;
            if (key.toString().startsWith("wsbench.") && !key.equals(LatencyLog.FILE_PROPERTY)
                    && !inherited.contains(setting)) {
                settings.add(setting);
            }
        });
        if (latencyFile != null) {
            settings.add("-D" + LatencyLog.FILE_PROPERTY + "=" + latencyFile.toAbsolutePath());
        }
        if (settings.isEmpty() || Arrays.asList(args).contains("-l") || Arrays.asList(args).contains("-lp")) {
            return args;
        }
        List<String> out = new ArrayList<>(Arrays.asList(args));
        out.add("-jvmArgsPrepend");
        out.add(String.join(" ", settings));
        return out.toArray(new String[0]);
    }

    /** Beside a JSON result file: where it came from (library versions as loaded, JDK, machine, commit). */
    private static void writeProvenance(String[] args) throws IOException {
        Path file = jsonResultFile(args);
        if (file != null) {
            Provenance.capture(Arrays.asList(args)).writeBeside(file);
        }
    }

    /** The JSON result file this run wrote, or null (other format, or nothing ran: -l, -h). */
    private static Path jsonResultFile(String[] args) {
        String format = JmhArgs.valueOf(Arrays.asList(args), "-rf");
        String result = JmhArgs.valueOf(Arrays.asList(args), "-rff");
        if (format == null || result == null || !format.equalsIgnoreCase("json")) {
            return null;
        }
        Path file = Path.of(result);
        return Files.exists(file) ? file : null;
    }

    /** After a successful run with a JSON result file: the echo, masking and parsing tables. */
    private static void printSummary(String[] args) {
        Path file = jsonResultFile(args);
        if (file != null) {
            System.out.print(RunSummary.markdown(JmhResultFile.read(file)));
        }
    }
}
