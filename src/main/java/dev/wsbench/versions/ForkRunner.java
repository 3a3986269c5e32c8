package dev.wsbench.versions;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wsbench.Arguments.UsageException;
import dev.wsbench.cli.JmhArgs;
import dev.wsbench.client.EchoCalibration;
import dev.wsbench.placement.CpuAffinity;
import dev.wsbench.placement.CpuProfiler;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one fork of one row on one side's class path: a JMH run of its own ({@code java -cp SIDE
 * org.openjdk.jmh.Main ... -f 1}), started as a child process, optionally held to given CPUs with
 * {@code taskset} (the JMH host and the benchmark JVM it forks, JIT and GC threads included). A
 * child per fork, rather than JMH's {@code Runner} in this process, because JMH gives its fork the
 * host's {@code java.class.path}: with a host per side, two forks of different sides can run at the
 * same time ({@link InterleavedComparison}'s parallel pairs). Each fork's JSON and output stay in
 * {@code forks/}; the output is also appended to {@code jmh.log}.
 *
 * <p>The children skip JMH's lock ({@code -Djmh.ignoreLock=true}): the comparison holds it for all
 * of them ({@link JmhLock}).
 */
final class ForkRunner {
    /** The most a fork may take before the run fails naming it: the longest default fork is about 12 s. */
    static final long FORK_TIMEOUT_SECONDS = Long.getLong("wsbench.forkTimeoutSeconds", 900);

    /**
     * A codec fork's benchmark JVM touches its whole (fixed, 2 GiB) heap at start. Without it the
     * kernel's zeroing of each page on first touch is timed: with G1, the 256-byte parsing rows ran
     * 3x slower for about 2 s of every fork while G1 grew into pages never used before, and with the
     * heap pre-touched that phase is gone. Not for echo forks, whose forks then split into two levels
     * (docs/comparing-versions.md, "Codec rows"). It costs about 1 s of JVM start per fork.
     */
    static final String PRETOUCH = "-XX:+AlwaysPreTouch";

    /** One finished fork: JMH's JSON for its one row, its sample (median of its iterations) and how long it took. */
    record Fork(JsonObject json, double sample, String unit, double seconds) {
    }

    private final List<String> forkArgs;
    private final Map<Schedule.Side, List<Path>> classpaths;
    private final Path forkDir;
    private final PrintStream log;
    private final boolean defaultTiming;
    private final boolean cpuProfile;
    private final CodecJit codecJit;

    /**
     * @param cpuProfile whether echo forks run with {@link CpuProfiler} (for a calibration, which
     *        reports the CPU per round trip of both sides beside the spin)
     * @param codecJit how codec forks are compiled (echo forks: the JVM's default)
     */
    ForkRunner(List<String> forkArgs, Map<Schedule.Side, List<Path>> classpaths, Path out, PrintStream log, boolean defaultTiming,
            boolean cpuProfile, CodecJit codecJit) throws IOException {
        this.forkArgs = forkArgs;
        this.classpaths = classpaths;
        this.forkDir = Files.createDirectories(out.resolve("forks"));
        this.log = log;
        this.defaultTiming = defaultTiming;
        this.cpuProfile = cpuProfile;
        this.codecJit = codecJit;
    }

    /**
     * @param spinNanos the calibration's busy-spin per echo (0: none)
     * @param cpus the CPUs the fork may use, or null: wherever the OS puts it
     * @throws UsageException naming the fork and its log when it fails or runs past its timeout
     */
    Fork run(BenchmarkRow row, Schedule.Side side, long spinNanos, String name, List<Integer> cpus) {
        return run(row, side.label(), classpaths.get(side), spinNanos, name, cpus);
    }

    /**
     * One fork on any class path (a release sweep has one per version, {@link VersionSweep}).
     *
     * @param label what the fork measures, for its messages: "baseline", or a version
     */
    Fork run(BenchmarkRow row, String label, List<Path> classpath, long spinNanos, String name, List<Integer> cpus) {
        Path json = forkDir.resolve(name + ".json");
        Path output = forkDir.resolve(name + ".log");
        List<String> command = command(row, classpath, spinNanos, json, cpus);
        long t0 = System.nanoTime();
        int code;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(FORK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new UsageException("the " + label + " fork of " + row + " (" + name + ") ran past " + FORK_TIMEOUT_SECONDS
                        + " s (-Dwsbench.forkTimeoutSeconds) and was stopped; its output: " + output);
            }
            code = p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fork " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while waiting for the fork " + name);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        appendToLog(name, label, row, output);
        if (code != 0 || !Files.isRegularFile(json)) {
            throw new UsageException("the " + label + " fork of " + row + " (" + name + ") failed (exit " + code + "); its output: " + output);
        }
        JsonObject result = onlyResult(json, row, label);
        JmhResult parsed = JmhResultFile.parse(result);
        double[] sample = parsed.forkSamples(); // empty in sample-time mode, whose score is its mean
        return new Fork(result, sample.length > 0 ? sample[0] : parsed.score(), parsed.unit(), seconds);
    }

    List<String> command(BenchmarkRow row, Schedule.Side side, long spinNanos, Path json, List<Integer> cpus) {
        return command(row, classpaths.get(side), spinNanos, json, cpus);
    }

    List<String> command(BenchmarkRow row, List<Path> classpath, long spinNanos, Path json, List<Integer> cpus) {
        List<String> c = new ArrayList<>();
        if (cpus != null) {
            c.addAll(List.of(CpuAffinity.TASKSET, "-c", CpuAffinity.list(cpus)));
        }
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(List.of("-Xmx256m", "-Djmh.ignoreLock=true", "-cp", SideClasspath.join(classpath), "org.openjdk.jmh.Main"));
        c.add(row.include());
        List<String> prepend = new ArrayList<>();
        if (!row.echoesThroughServer()) {
            prepend.add(PRETOUCH);
            prepend.addAll(codecJit.jvmArgs());
        }
        for (int i = 0; i < forkArgs.size(); i++) {
            if (forkArgs.get(i).equals("-jvmArgsPrepend") && i + 1 < forkArgs.size()) {
                prepend.addAll(Arrays.asList(forkArgs.get(++i).trim().split("\\s+")));
            } else {
                c.add(forkArgs.get(i));
            }
        }
        if (spinNanos > 0) {
            prepend.add("-D" + EchoCalibration.SPIN_PROPERTY + "=" + spinNanos);
        }
        c.addAll(List.of("-jvmArgsPrepend", String.join(" ", prepend)));
        c.addAll(List.of("-bm", row.mode().shortLabel(), "-f", "1", "-wf", "0", "-foe", "true", "-rf", "json", "-rff", json.toString()));
        row.params().forEach((k, v) -> c.addAll(List.of("-p", k + "=" + v)));
        if (cpuProfile && row.echoesThroughServer()) {
            c.addAll(List.of("-prof", JmhArgs.CPU_PROFILER));
        }
        if (defaultTiming) {
            c.addAll(Timing.forRow(row).jmhArgs());
        }
        return c;
    }

    private synchronized void appendToLog(String name, String label, BenchmarkRow row, Path output) {
        log.printf("%n==== %s %s %s%n", name, label, row);
        try {
            log.write(Files.readAllBytes(output));
        } catch (IOException e) {
            log.println("(cannot read " + output + ": " + e.getMessage() + ")");
        }
        log.flush();
    }

    private static JsonObject onlyResult(Path json, BenchmarkRow row, String label) {
        JsonArray results;
        try {
            results = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonArray();
        } catch (IOException | RuntimeException e) {
            throw new UsageException("the " + label + " fork of " + row + " wrote no readable JMH JSON (" + json + "): " + e.getMessage());
        }
        if (results.size() != 1) {
            throw new UsageException("the " + label + " fork of " + row + " produced " + results.size() + " results instead of one (" + json
                    + "); its pattern or parameters select more than the row");
        }
        return results.get(0).getAsJsonObject();
    }
}
