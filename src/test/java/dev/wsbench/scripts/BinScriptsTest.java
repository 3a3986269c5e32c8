package dev.wsbench.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every script in {@code bin/} run as a user runs it, on a fresh copy of the project (the files git
 * would clone: tracked and untracked-but-not-ignored, nothing built), each end to end on a tiny
 * selection (the version comparison, the connection probe, the two-file comparison, memory per
 * connection, the malformed-frame table, a release sweep and a bisection, every library swept over
 * its two release lines, the benchmark jar {@code mvn package} builds), and every script's argument errors. Each takes Maven and forks, so about
 * five to six minutes in all (5 min 20 s, 12 tests, on 2026-12-03): {@code .ci/run} runs this class on its own
 * ({@code mvn test -Dtest=BinScriptsTest -Dwsbench.scriptTests=true}); a plain {@code mvn test}
 * skips it.
 */
@EnabledIfSystemProperty(named = "wsbench.scriptTests", matches = "true")
class BinScriptsTest {
    /** The pom's Netty and the other release line's: both resolve from Maven Central (CI's -Pother-lines step uses the second). */
    private static final String NETTY = "4.2.20.Final";
    private static final String OTHER_NETTY = "4.1.140.Final";

    private static Path clone;

    @BeforeAll
    static void freshCopy() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        clone = Files.createTempDirectory("wsbench-fresh-");
        Run files = run(root, 60, "git", "ls-files", "-co", "--exclude-standard");
        assertEquals(0, files.code, "git ls-files in " + root + ": " + files.output);
        for (String name : files.output.split("\n")) {
            Path from = root.resolve(name);
            if (name.isBlank() || !Files.isRegularFile(from)) {
                continue; // a file deleted but not yet committed
            }
            Path to = clone.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    @Test
    void compareVersionsComparesTwoResolvedReleasesEndToEnd() throws Exception {
        Path out = clone.resolve("target/compare-test");
        Run r = run(clone, 600, "bash", "bin/compare-versions", "--pairs", "2", "--seed", "7", "--codec-jit", "c2", "--out", out.toString(), "netty", NETTY,
                OTHER_NETTY, "^dev\\.wsbench\\.jmh\\.(EchoBenchmark\\.roundTrip|MaskingBenchmark\\.library)$", "-p", "size=256",
                "-wi", "1", "-w", "300ms", "-i", "2", "-r", "200ms");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("compare result: 0"), r.output);
        assertTrue(r.output.contains("loads Netty " + OTHER_NETTY), "the candidate ran on the other release: " + r.output);
        assertTrue(r.output.contains("EchoBenchmark.roundTrip") && r.output.contains("MaskingBenchmark.library"), r.output);
        assertTrue(r.output.contains("codec forks compiled by C2 alone (-XX:-TieredCompilation)"), "--codec-jit reached the run: " + r.output);
        for (String file : List.of("baseline.json", "candidate.json", "baseline.provenance.json", "order.tsv", "comparison.txt", "comparison.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file + " written");
        }
    }

    @Test
    void compareVersionsMeasuresNettyUnderVertx() throws Exception {
        Path out = clone.resolve("target/compare-under-test");
        Run r = run(clone, 600, "bash", "bin/compare-versions", "--pairs", "1", "--under", "vertx", "--out", out.toString(), "netty",
                "4.2.19.Final", NETTY, "^dev\\.wsbench\\.jmh\\.EchoBenchmark\\.roundTrip$", "-p", "size=256", "-wi", "1", "-w", "200ms", "-i", "1",
                "-r", "200ms");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("loads Vert.x 5.0.7 on Netty 4.2.19.Final") && r.output.contains("server=VERTX"), r.output);
        assertTrue(Files.size(out.resolve("comparison.png")) > 0, "comparison.png written");
    }

    @Test
    void sweepVersionsRunsATinySweepEndToEnd() throws Exception {
        Path out = clone.resolve("target/sweep-test");
        Run r = run(clone, 600, "bash", "bin/sweep-versions", "--rounds", "1", "--seed", "7", "--out", out.toString(), "--versions",
                NETTY + "," + OTHER_NETTY + "," + NETTY, "netty", "^dev\\.wsbench\\.jmh\\.MaskingBenchmark\\.library$", "-p", "size=256",
                "-wi", "1", "-w", "200ms", "-i", "1", "-r", "200ms");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("compare result: 0") && r.output.contains("no step flagged"), r.output);
        assertTrue(r.output.contains("resolved " + OTHER_NETTY) && r.output.contains("resolved " + NETTY + "#2"), r.output);
        String json = Files.readString(out.resolve("sweep.json"));
        assertTrue(json.contains("\"from\": \"" + NETTY + "\"") && json.contains("\"to\": \"" + NETTY + "#2\""), "two steps: " + json);
        for (String file : List.of("sweep.txt", "sweep.png", "versions/" + OTHER_NETTY + ".json", "versions/" + OTHER_NETTY + ".provenance.json",
                "versions/order.tsv")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file + " written");
        }
    }

    @Test
    void sweepVersionsBisectsAResolvedRangeEndToEnd() throws Exception {
        // three releases from Maven's own list: one step (ends and midpoint), one round, so it cannot decide, and says why
        Path out = clone.resolve("target/bisect-test");
        Run r = run(clone, 600, "bash", "bin/sweep-versions", "--bisect", "--rounds", "1", "--out", out.toString(), "netty", "4.2.18.Final",
                NETTY, "^dev\\.wsbench\\.jmh\\.MaskingBenchmark\\.library$", "-p", "size=256", "-wi", "1", "-w", "200ms", "-i", "1", "-r",
                "200ms");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("Netty: 3 versions: 4.2.18.Final, 4.2.19.Final, " + NETTY), r.output);
        assertTrue(r.output.contains("bisect result: cannot decide"), r.output);
        assertTrue(Files.size(out.resolve("bisect.txt")) > 0 && Files.size(out.resolve("step-1/sweep.txt")) > 0, "bisect.txt and step-1/ written");
    }

    /**
     * Every library of the registry sweeps its pom version against its other release line (the
     * -Pother-lines versions): both resolve (OkHttp 4's jar under its old artifact id), and each
     * version's fork either measures or is left out of the row naming the release and the reason.
     */
    @Test
    void everyLibrarySweepsItsTwoReleaseLines() throws Exception {
        String[][] lines = {{"jetty", "12.1.14", "12.0.31", "MaskingBenchmark\\.library"}, {"undertow", "2.3.27.Final", "2.4.4.Final",
            "MaskingBenchmark\\.library"}, {"java-websocket", "1.6.0", "1.5.7", "MaskingBenchmark\\.library"}, {"tomcat", "11.0.27", "10.1.48",
            "EchoBenchmark\\.roundTrip"}, {"vertx", "5.0.7", "4.5.27", "EchoBenchmark\\.roundTrip"}, {"okhttp", "5.5.1", "4.12.0",
            "EchoBenchmark\\.roundTrip"}};
        for (String[] l : lines) {
            Path out = clone.resolve("target/sweep-" + l[0]);
            Run r = run(clone, 600, "bash", "bin/sweep-versions", "--rounds", "1", "--out", out.toString(), "--versions", l[1] + "," + l[2], l[0],
                    "^dev\\.wsbench\\.jmh\\." + l[3] + "$", "-p", "size=256", "-wi", "1", "-w", "200ms", "-i", "1", "-r", "200ms");
            assertEquals(0, r.code, l[0] + ": " + r.output);
            assertTrue(r.output.contains("resolved " + l[1]) && r.output.contains("resolved " + l[2]), l[0] + ": " + r.output);
            String sweep = Files.readString(out.resolve("sweep.txt"));
            assertTrue(sweep.contains(l[2] + " ") || sweep.contains("left out: " + l[2] + ": failed in round 1"), l[0] + ": " + sweep);
        }
    }

    /**
     * The README's lab-machine recipe: {@code mvn package} builds {@code target/benchmarks.jar}, which
     * lists the benchmarks and runs a tiny selection from another folder with no Maven and no
     * project around it, writing the same kind of result as {@code mvn jmh:run}: the same rows and
     * metrics (CPU per operation included), and provenance naming every library's version.
     */
    @Test
    void benchmarksJarRunsWhatJmhRunRunsWithoutMaven() throws Exception {
        Run build = run(clone, 600, "mvn", "-B", "-q", "--no-transfer-progress", "package", "-DskipTests");
        assertEquals(0, build.code, build.output);
        Path jar = clone.resolve("target/benchmarks.jar");
        Path elsewhere = Files.createTempDirectory("wsbench-lab-");
        Run list = run(elsewhere, 120, "java", "-jar", jar.toString(), "-l");
        assertEquals(0, list.code, list.output);
        assertTrue(list.output.contains("dev.wsbench.jmh.EchoBenchmark.roundTrip"), list.output);
        Run sets = run(elsewhere, 60, "java", "-jar", jar.toString(), "--sets");
        assertEquals(0, sets.code, sets.output);
        assertTrue(sets.output.contains("scenarios: ") && sets.output.contains("default: "), sets.output);
        Run unknown = run(elsewhere, 60, "java", "-jar", jar.toString(), "--set", "nope");
        assertEquals(2, unknown.code, unknown.output);
        assertTrue(unknown.output.contains("unknown benchmark set 'nope'"), unknown.output);
        String[] tiny = {"^dev\\.wsbench\\.jmh\\.EchoBenchmark\\.roundTrip$", "-p", "server=NETTY", "-p", "size=256", "-f", "1", "-wi", "0", "-i", "1",
            "-r", "200ms"};
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
        command.addAll(List.of(tiny));
        Run fromJar = run(elsewhere, 300, command.toArray(new String[0]));
        assertEquals(0, fromJar.code, fromJar.output);
        Path jarJson = onlyResult(elsewhere.resolve("results/runs"));
        Run fromMaven = run(clone, 600, "mvn", "-B", "-q", "--no-transfer-progress", "jmh:run", "-Djmh.resultsDir=target/maven-run",
                "-Djmh.args=" + String.join(" ", tiny).replace("\\", "\\\\"));
        assertEquals(0, fromMaven.code, fromMaven.output);
        Path mavenJson = onlyResult(clone.resolve("target/maven-run"));
        assertEquals(shape(mavenJson), shape(jarJson), "the jar's result has the rows and metrics of mvn jmh:run's");
        assertTrue(shape(jarJson).contains("cpu.server.us/op"), shape(jarJson));
        String provenance = Files.readString(Path.of(jarJson.toString().replaceFirst("\\.json$", ".provenance.json")));
        assertTrue(provenance.contains("\"Netty\": \"" + NETTY + "\"") && provenance.contains("\"OkHttp\": \"5.5.1\""), provenance);
    }

    /** The one JSON result file in {@code dir}. */
    private static Path onlyResult(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".provenance.json")).toList();
            assertEquals(1, json.size(), "one result file in " + dir + ": " + json);
            return json.get(0);
        }
    }

    /** A result file's benchmarks, parameters and metric names, without the figures. */
    private static String shape(Path json) throws IOException {
        StringBuilder out = new StringBuilder();
        for (JsonElement row : JsonParser.parseString(Files.readString(json)).getAsJsonArray()) {
            JsonObject r = row.getAsJsonObject();
            out.append(r.get("benchmark").getAsString()).append(' ').append(r.get("params")).append(' ')
                    .append(new TreeSet<>(r.getAsJsonObject("secondaryMetrics").keySet())).append('\n');
        }
        return out.toString();
    }

    /**
     * docs/ci/pull-request-check.yml as a library's CI would run it, on a locally made candidate: a
     * library checkout whose modules' target/ folders hold Netty's jars under a pull request's
     * -SNAPSHOT version (the pom's release, so the check must pass), the workflow's own collection
     * command, then its compare step as written, with one pair instead of the 20-minute budget and
     * one small row. Only the Maven build of a real Netty checkout is not run.
     */
    @Test
    void pullRequestWorkflowRunsOnALocallyBuiltCandidate() throws Exception {
        Path layout = Files.createTempDirectory("wsbench-pr-");
        Files.createSymbolicLink(layout.resolve("wsbench"), clone);
        Path classpath = layout.resolve("classpath.txt");
        Run resolve = run(clone, 600, "mvn", "-B", "-q", "--no-transfer-progress", "dependency:build-classpath", "-Dmdep.outputFile=" + classpath);
        assertEquals(0, resolve.code, resolve.output);
        int modules = 0;
        for (String entry : Files.readString(classpath).trim().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (entry.contains("/io/netty/") && name.endsWith("-" + NETTY + ".jar")) {
                String artifact = name.substring(0, name.length() - ("-" + NETTY + ".jar").length());
                Path target = Files.createDirectories(layout.resolve("library/" + artifact.replaceFirst("^netty-", "") + "/target"));
                Files.copy(jar, target.resolve(artifact + "-4.2.21.Final-SNAPSHOT.jar"));
                Files.copy(jar, target.resolve(artifact + "-4.2.21.Final-SNAPSHOT-sources.jar")); // what the collection must leave out
                modules++;
            }
        }
        assertTrue(modules >= 5, "Netty's modules on the class path: " + modules);
        String workflow = Files.readString(clone.resolve("docs/ci/pull-request-check.yml"));
        String build = runBlock(workflow, "Build the pull request's jars").replaceAll("(?m)^\\./mvnw .*$", "");
        Run collect = run(layout.resolve("library"), 60, Map.of(), "bash", "-euo", "pipefail", "-c", build);
        assertEquals(0, collect.code, build + ": " + collect.output);
        try (Stream<Path> jars = Files.list(layout.resolve("pr-jars"))) {
            assertEquals(modules, jars.count(), "the build step collects one jar per module, no sources jar");
        }
        String compare = runBlock(workflow, "Compare with the last release");
        assertTrue(compare.contains("--budget 20m") && compare.contains("netty ../pr-jars"), compare);
        compare = compare.replace("--budget 20m", "--pairs 1").replace("netty ../pr-jars",
                "netty ../pr-jars '^dev\\.wsbench\\.jmh\\.EchoBenchmark\\.roundTrip$' -p size=256 -wi 1 -w 200ms -i 1 -r 200ms");
        Path summary = layout.resolve("summary.md");
        // the step's working-directory, entered by cd as a runner does: a process started in it directly would see only the
        // link's target, whose parent holds no pr-jars/
        Run check = run(layout, 600, Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "bash", "-c", "cd wsbench\n" + compare);
        assertEquals(0, check.code, compare + ": " + check.output);
        assertTrue(check.output.contains("pr-check: baseline netty 4.2."), check.output);
        String text = Files.readString(summary);
        assertTrue(text.contains("## wsbench: netty pull-request against 4.2.") && text.contains("compare result: 0")
                && text.contains("EchoBenchmark.roundTrip"), text);
        for (String file : List.of("comparison.png", "comparison.md", "baseline.json", "candidate.json", "pr-check.log")) {
            assertTrue(Files.size(layout.resolve("wsbench-out/" + file)) > 0, file + " in the artifact folder");
        }
    }

    /** The lines of a workflow step's {@code run: |} block, unindented. */
    private static String runBlock(String workflow, String step) {
        List<String> lines = List.of(workflow.split("\n"));
        int at = lines.indexOf(lines.stream().filter(l -> l.trim().equals("- name: " + step)).findFirst().orElseThrow(
                () -> new AssertionError("no step '" + step + "' in the workflow")));
        while (!lines.get(at).trim().equals("run: |")) {
            at++;
        }
        int indent = lines.get(at).indexOf("run:");
        StringBuilder block = new StringBuilder();
        for (int i = at + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isBlank() && l.length() - l.stripLeading().length() <= indent) {
                break;
            }
            block.append(l.isBlank() ? "" : l.substring(indent + 2)).append('\n');
        }
        return block.toString();
    }

    @Test
    void connectionProbeRunsItsServerInAnotherProcess() throws Exception {
        Run r = run(clone, 420, "bash", "bin/connection-probe", "20", "netty");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("== netty, 20 connections"), r.output);
        assertTrue(r.output.contains("ConnectionScalingBenchmark"), r.output);
    }

    @Test
    void compareComparesTwoCommittedResultFilesEndToEnd() throws Exception {
        // two default runs of one Netty release, kept in results/archive/: nothing to flag
        String dir = "results/archive/netty-4.1-vs-4.2/";
        Run r = run(clone, 300, "bash", "bin/compare", "--baseline", dir + "netty-4.2.20.Final.json", "--candidate",
                dir + "netty-4.2.20.Final-second-run.json", "--fail-above", "50");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("compare result: 0"), r.output);
        assertTrue(r.output.contains("EchoBenchmark.roundTrip"), r.output);
    }

    @Test
    void exportHistoryAppendsCommittedRunsToAnOtavaHistory() throws Exception {
        // docs/history.md's command on committed results: a plain run, a comparison's two sides, a sweep's versions
        Path history = clone.resolve("target/history-test/history.json");
        Run r = run(clone, 300, "bash", "bin/export-history", "--branch", "main", history.toString(), "results/default-run-2026-12-03/default-run.json",
                "results/compare-2026-12-02/netty-41-vs-42", "results/sweeps-2026-12-03/netty-4.1.90-to-4.1.97");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("11 runs written (11 in all)"), r.output);
        String json = Files.readString(history);
        assertTrue(json.contains("\"name\": \"EchoBenchmark.roundTrip{client=REFERENCE,placement=ONE_CPU,server=NETTY,size=256,type=BINARY}\"")
                && json.contains("\"netty\": \"4.1.97.Final\"") && json.contains("\"branch\": \"main\""), json.substring(0, 2000));
    }

    @Test
    void connectionMemoryMeasuresAServerInItsOwnProcess() throws Exception {
        Run r = run(clone, 300, "bash", "bin/connection-memory", "20", "netty");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("| Netty | 20 |"), r.output);
    }

    @Test
    void badArgumentsGetOneLineAndExitTwo() throws Exception {
        expectError(List.of("bash", "bin/compare-versions"), "usage");
        expectError(List.of("bash", "bin/compare-versions", "--pairs"), "--pairs needs a value");
        expectError(List.of("bash", "bin/compare-versions", "--frobnicate", "netty", "1", "2"), "unknown option '--frobnicate'");
        expectError(List.of("bash", "bin/compare-versions", "no-such-library", "1", "2"), "unknown library 'no-such-library'");
        expectError(List.of("bash", "bin/compare-versions", "netty", NETTY, "0.0.0-no-such-release"), "could not resolve netty 0.0.0-no-such-release");
        expectError(List.of("bash", "bin/compare-versions", "--under", "vertx", "jetty", "12.1.14", "12.1.14"), "Vert.x runs on Netty, not on Jetty");
        expectError(List.of("bash", "bin/compare-versions", "--codec-jit"), "--codec-jit needs a value");
        expectError(List.of("bash", "bin/compare-versions", "--codec-jit", "c1", "netty", NETTY, NETTY), "--codec-jit takes tiered or c2, not 'c1'");
        expectError(List.of("bash", "bin/sweep-versions"), "usage");
        expectError(List.of("bash", "bin/sweep-versions", "no-such-library", "1", "2"), "unknown library 'no-such-library'");
        expectError(List.of("bash", "bin/sweep-versions", "netty", "4.2.20.Final", "4.2.18.Final"), "4.2.20.Final is not older than 4.2.18.Final");
        expectError(List.of("bash", "bin/sweep-versions", "netty", "4.2.18.Final", "4.2.99.Final"), "Netty has no published version 4.2.99.Final");
        expectError(List.of("bash", "bin/sweep-versions", "--versions", NETTY, "netty"), "--versions takes two or more versions");
        expectError(List.of("bash", "bin/sweep-versions", "--versions", NETTY + ",0.0.0-no-such-release", "netty"),
                "--versions names 0.0.0-no-such-release, which cannot be measured: Maven could not resolve Netty 0.0.0-no-such-release");
        expectError(List.of("bash", "bin/sweep-versions", "--bisect", "netty", "4.2.18.Final", NETTY), "--bisect follows one row");
        expectError(List.of("bash", "bin/sweep-versions", "netty", "4.2.18.Final", NETTY, "--rounds", "2"), "options go before LIBRARY");
        expectError(List.of("bash", "bin/sweep-versions", "--rounds", "1", "--versions", NETTY + "," + NETTY, "netty",
                "^dev\\.wsbench\\.jmh\\.MaskingBenchmark\\.library$", "-p", "size=256", "-jvmArgsPrepend", "-XX:+NoSuchOption"),
                "no row has results for two versions"); // every fork fails: never a silent success
        expectError(List.of("bash", "bin/compare"), "both --baseline and --candidate are required");
        expectError(List.of("bash", "bin/compare", "--baseline", "a.json", "--candidate", "b.json", "--picture", "c.png"), "--picture needs --paired");
        expectError(List.of("bash", "bin/compare", "--baseline", "missing-a.json", "--candidate", "missing-b.json"), "missing-a.json: no such file");
        expectError(List.of("bash", "bin/export-history", "target/h.json"), "usage: bin/export-history");
        expectError(List.of("bash", "bin/export-history", "target/h.json", "missing-run.json"), "missing-run.json: no such file or folder");
        expectError(List.of("bash", "bin/pr-check", "netty"), "usage: bin/pr-check");
        expectError(List.of("bash", "bin/connection-probe", "10", "no-such-server"), "unknown library 'no-such-server'");
        expectError(List.of("bash", "bin/connection-probe", "10", "okhttp"), "OkHttp has no server");
        expectError(List.of("bash", "bin/connection-memory", "10", "no-such-server"), "unknown library 'no-such-server'");
    }

    @Test
    void malformedTablePrintsTheGeneratedTable() throws Exception {
        Run r = run(clone, 300, "bash", "bin/malformed-table", "--print");
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("| Netty"), r.output);
    }

    private static void expectError(List<String> command, String says) throws Exception {
        Run r = run(clone, 300, command.toArray(new String[0]));
        assertEquals(2, r.code, String.join(" ", command) + ": " + r.output);
        assertTrue(r.output.contains(says), String.join(" ", command) + " should say '" + says + "': " + r.output);
    }

    private record Run(int code, String output) {
    }

    /** Runs a command in {@code dir} with no input; fails naming the command if it runs past {@code seconds}. */
    private static Run run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        return run(dir, seconds, Map.of(), command);
    }

    /** As above, with {@code env} added to the environment. */
    private static Run run(Path dir, int seconds, Map<String, String> env, String... command) throws IOException, InterruptedException {
        File log = Files.createTempFile("wsbench-script-", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(String.join(" ", command) + " still running after " + seconds + " s; its output: "
                    + Files.readString(log.toPath(), StandardCharsets.UTF_8));
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        log.delete();
        return new Run(p.exitValue(), output);
    }
}
