package dev.wsbench.versions;

import dev.wsbench.cli.ParamCheck;
import dev.wsbench.client.EchoCalibration;
import dev.wsbench.library.Library;
import dev.wsbench.placement.CpuAffinity;
import dev.wsbench.placement.Placement;
import dev.wsbench.placement.PlacementException;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.results.PairedComparison;
import dev.wsbench.results.Provenance;
import dev.wsbench.results.ResultFileException;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Two versions of one library measured in one run, fork by fork (what {@code bin/compare-versions}
 * starts, with each side's class path resolved by Maven): for every row (benchmark and parameter
 * set) {@code --pairs} pairs of adjacent forks, baseline and candidate in a random order, each fork
 * a JMH fork on its side's class path. Writes one JMH JSON file per side (every fork's iterations,
 * in pair order, readable by any JMH tool) with provenance beside it, every fork's own JSON, JMH's
 * full output, and the paired comparison ({@link PairedComparison}).
 *
 * <p>Exit codes, each with a last line saying which: 0 no regression beyond {@code --fail-above},
 * 1 a regression beyond it, 2 unusable input or a failed fork (one line saying what).
 *
 * <p>JMH forks a benchmark JVM with the class path in the host's {@code java.class.path} property
 * (JMH's {@code Runner}); this host sets that property to the side's class path before each fork.
 * The benchmarks are compiled once, against the pom's version; both sides run those classes.
 */
public final class InterleavedComparison {
    /** Echo at three sizes through the library's server, its masking and its parsing. */
    static final String DEFAULT_BENCHMARKS = "^dev\\.wsbench\\.jmh\\.(EchoBenchmark\\.roundTrip|MaskingBenchmark\\.library|ParsingBenchmark\\.parse)$";
    /**
     * The default set's timing per row (the user's own JMH arguments replace it). Short forks, many
     * pairs: forks, not iterations, are the independent samples, and a pair's two forks should be
     * close in time. The echo gets 7 s of warmup: with the whole fork on one CPU the JIT compiles on
     * the benchmark's CPU, and at 100000 B Netty needs about 4 s and Jetty 6-7 s to reach its steady
     * rate (docs/placement.md#warm-up-on-one-cpu; with 4 s a calibrated 5 % at 100000 B was lost in
     * the noise, [-8.2 %, +3.5 %]); the codecs settle within half a second. About 10 s an echo fork
     * and 2 s a codec fork with the JVM's start: 10 pairs of the 9 rows in about 14.5 minutes on the
     * project's VM.
     */
    static final Timing ECHO_TIMING = new Timing(7, "1s", 3, "500ms");
    static final Timing CODEC_TIMING = new Timing(1, "500ms", 3, "250ms");

    /** Warmup and measurement iterations and their durations, as JMH's -wi -w -i -r take them. */
    record Timing(int warmupIterations, String warmupTime, int iterations, String iterationTime) {
        static Timing forRow(BenchmarkRow row) {
            return row.echoesThroughServer() ? ECHO_TIMING : CODEC_TIMING;
        }

        void applyTo(ChainedOptionsBuilder b) {
            b.warmupIterations(warmupIterations).warmupTime(TimeValue.fromString(warmupTime)).measurementIterations(iterations)
                    .measurementTime(TimeValue.fromString(iterationTime));
        }

        @Override
        public String toString() {
            return "-wi " + warmupIterations + " -w " + warmupTime + " -i " + iterations + " -r " + iterationTime;
        }
    }

    static final int DEFAULT_PAIRS = 10;
    /** Where pairs are least disturbed by wake-ups on the project's VM (see docs/placement.md). */
    static final String DEFAULT_PLACEMENT = "ONE_CPU";

    static final int NO_REGRESSION = 0;
    static final int REGRESSION = 1;
    static final int UNUSABLE = 2;

    /** Everything the command line says. */
    record Request(Library library, String baseline, Path baselineClasspath, String candidate, Path candidateClasspath, Path candidateJars,
                   int pairs, long seed, double calibratePercent, double failAbovePercent, boolean markdown, Path out, List<String> jmhArgs,
                   boolean defaultTiming) {
    }

    private InterleavedComparison() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (UsageException | ResultFileException | PlacementException e) {
            System.err.println("error: " + e.getMessage());
            code = UNUSABLE;
        } catch (IOException | RuntimeException e) {
            System.err.println("error: the comparison failed: " + e);
            code = UNUSABLE;
        }
        System.out.println(switch (code) {
            case NO_REGRESSION -> "compare result: 0 (no regression beyond the threshold)";
            case REGRESSION -> "compare result: 1 (regression beyond the threshold)";
            default -> "compare result: 2 (unusable input, or a fork failed)";
        });
        System.exit(code);
    }

    /** A problem with what the user asked for: one line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static int run(String[] args) throws IOException {
        Request request = parse(args);
        String problem = ParamCheck.check(request.jmhArgs().toArray(new String[0]));
        if (problem != null) {
            throw new UsageException(problem);
        }
        Options user = options(request.jmhArgs());
        PrintStream log = new PrintStream(new FileOutputStream(request.out().resolve("jmh.log").toFile(), true), true, StandardCharsets.UTF_8);
        List<BenchmarkRow> rows = BenchmarkRow.expand(user, OutputFormatFactory.createFormatInstance(log, VerboseMode.SILENT));
        if (rows.isEmpty()) {
            throw new UsageException("no benchmark matches " + String.join(" ", request.jmhArgs()));
        }
        Options common = withoutIncludes(request.jmhArgs());

        List<Path> baseCp = SideClasspath.read(request.baselineClasspath());
        List<Path> candCp = request.candidateJars() != null
                ? SideClasspath.withLocalJars(baseCp, request.library(), request.candidateJars())
                : SideClasspath.read(request.candidateClasspath());
        Map<Schedule.Side, List<Path>> classpaths = new EnumMap<>(Schedule.Side.class);
        classpaths.put(Schedule.Side.BASELINE, baseCp);
        classpaths.put(Schedule.Side.CANDIDATE, candCp);
        Map<Schedule.Side, Provenance> provenance = new EnumMap<>(Schedule.Side.class);
        for (Schedule.Side side : Schedule.Side.values()) {
            Provenance p = Provenance.capture(request.jmhArgs(), classpaths.get(side));
            String loaded = p.libraries().get(request.library().displayName());
            if (loaded == null || loaded.equals("absent")) {
                throw new UsageException("the " + side.name().toLowerCase(Locale.ROOT) + " class path has no " + request.library().displayName());
            }
            provenance.put(side, p);
        }
        List<Schedule.Fork> schedule = Schedule.of(rows.size(), request.pairs(), request.seed());
        System.out.printf(Locale.ROOT, "%s: baseline %s (loads %s), candidate %s (loads %s)%n", request.library().displayName(), request.baseline(),
                provenance.get(Schedule.Side.BASELINE).libraries().get(request.library().displayName()), request.candidate(),
                provenance.get(Schedule.Side.CANDIDATE).libraries().get(request.library().displayName()));
        System.out.printf(Locale.ROOT, "%d rows x %d pairs = %d forks, order seed %d (--seed %d repeats it); JMH args: %s%n", rows.size(),
                request.pairs(), schedule.size(), request.seed(), request.seed(), String.join(" ", request.jmhArgs()));
        System.out.println("output: " + request.out() + " (JMH's own output: jmh.log)");

        if (request.defaultTiming()) {
            System.out.println("timing: echo rows " + ECHO_TIMING + ", codec rows " + CODEC_TIMING + " (JMH arguments replace it)");
        }
        pinWhenOneCpu(request.jmhArgs());
        ForkRunner runner = new ForkRunner(common, classpaths, request.out(), log, request.defaultTiming());
        long[] spin = new long[rows.size()];
        if (request.calibratePercent() > 0) {
            calibrate(request, rows, runner, spin);
        }
        @SuppressWarnings("unchecked")
        List<BenchmarkResult>[][] results = new List[2][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            results[0][r] = new ArrayList<>(Collections.nCopies(request.pairs(), null));
            results[1][r] = new ArrayList<>(Collections.nCopies(request.pairs(), null));
        }
        long started = System.nanoTime();
        StringBuilder order = new StringBuilder("fork\tpair\tside\trow\tscore\tunit\n");
        for (int i = 0; i < schedule.size(); i++) {
            Schedule.Fork f = schedule.get(i);
            BenchmarkRow row = rows.get(f.row());
            long spinNanos = f.side() == Schedule.Side.CANDIDATE ? spin[f.row()] : 0;
            String name = String.format(Locale.ROOT, "%s-pair%02d-row%02d", f.side().name().toLowerCase(Locale.ROOT), f.pair() + 1, f.row() + 1);
            long t0 = System.nanoTime();
            BenchmarkResult result = runner.run(row, f.side(), spinNanos, name, "pair " + (f.pair() + 1));
            results[f.side().ordinal()][f.row()].set(f.pair(), result);
            double score = result.getPrimaryResult().getScore();
            order.append(i + 1).append('\t').append(f.pair() + 1).append('\t').append(f.side()).append('\t').append(row).append('\t')
                    .append(score).append('\t').append(result.getPrimaryResult().getScoreUnit()).append('\n');
            double elapsed = (System.nanoTime() - started) / 1e9;
            LocalTime eta = LocalTime.now().plusSeconds((long) (elapsed / (i + 1) * (schedule.size() - i - 1))).truncatedTo(ChronoUnit.SECONDS);
            System.out.printf(Locale.ROOT, "[%d/%d] pair %d %-9s %s: %.0f %s (%.1f s; done about %s)%n", i + 1, schedule.size(), f.pair() + 1,
                    f.side().name().toLowerCase(Locale.ROOT), row, score, result.getPrimaryResult().getScoreUnit(), (System.nanoTime() - t0) / 1e9, eta);
        }
        Files.writeString(request.out().resolve("order.tsv"), order);
        String note = String.format(Locale.ROOT, "interleaved comparison of %s: %s (baseline) vs %s (candidate), %d pairs, order seed %d%s%s",
                request.library().displayName(), request.baseline(), request.candidate(), request.pairs(), request.seed(),
                request.defaultTiming() ? ", timing: echo rows " + ECHO_TIMING + ", codec rows " + CODEC_TIMING : "",
                request.calibratePercent() > 0 ? String.format(Locale.ROOT, ", candidate calibrated %+.1f %% (echo spin ns by row: %s)",
                        -request.calibratePercent(), Arrays.toString(spin)) : "");
        Path[] files = new Path[2];
        for (Schedule.Side side : Schedule.Side.values()) {
            files[side.ordinal()] = request.out().resolve(side.name().toLowerCase(Locale.ROOT) + ".json");
            writeMerged(files[side.ordinal()], rows, results[side.ordinal()]);
            Provenance p = provenance.get(side);
            p.setComparison(note + "; this file: the " + side.name().toLowerCase(Locale.ROOT) + " side");
            p.writeBeside(files[side.ordinal()]);
        }
        PairedComparison c = PairedComparison.of(JmhResultFile.read(files[0]), JmhResultFile.read(files[1]), request.failAbovePercent());
        String table = c.format(request.markdown());
        String calibration = request.calibratePercent() > 0 ? calibrationReport(request, rows, spin, c) : "";
        Files.writeString(request.out().resolve("comparison." + (request.markdown() ? "md" : "txt")), note + "\n\n" + table + calibration);
        System.out.println();
        System.out.print(table);
        System.out.print(calibration);
        System.out.printf(Locale.ROOT, "%d forks in %.1f min; results: %s, %s%n", schedule.size(), (System.nanoTime() - started) / 60e9, files[0], files[1]);
        if (c.anyRegression()) {
            System.err.printf(Locale.ROOT, "FAIL: a regression beyond %s %% (the whole interval, after Holm's correction)%n", request.failAbovePercent());
            return REGRESSION;
        }
        return NO_REGRESSION;
    }

    /**
     * With {@code -p placement=ONE_CPU} (the default) this process moves to the CPU the echo forks
     * pin themselves to, so every fork it starts, the codec ones included, runs there with its JIT
     * and GC threads: nothing else the machine runs shares their CPU unless the OS puts it there,
     * and both forks of a pair see the same conditions.
     */
    private static void pinWhenOneCpu(List<String> jmhArgs) {
        List<String> placements = ParamCheck.given(jmhArgs.toArray(new String[0])).getOrDefault("placement", List.of());
        if (placements.equals(List.of(Placement.ONE_CPU.name()))) {
            List<Integer> allowed = CpuAffinity.allowedCpus();
            List<Integer> last = List.of(allowed.get(allowed.size() - 1));
            CpuAffinity.pinProcess(last);
            System.out.println("placement ONE_CPU: this run and every fork on CPU " + CpuAffinity.list(last));
        }
    }

    /**
     * Sizes the candidate's echo spin for every row that echoes through a server: one baseline
     * fork (not used in the comparison) measures the time per operation, and the spin makes the
     * candidate's score worse by the requested percentage: throughput x (1 - PCT/100), or time per
     * operation x (1 + PCT/100).
     */
    private static void calibrate(Request request, List<BenchmarkRow> rows, ForkRunner runner, long[] spin) {
        double p = request.calibratePercent() / 100;
        for (int r = 0; r < rows.size(); r++) {
            BenchmarkRow row = rows.get(r);
            if (!row.echoesThroughServer()) {
                continue;
            }
            BenchmarkResult sizing = runner.run(row, Schedule.Side.BASELINE, 0, String.format(Locale.ROOT, "sizing-row%02d", r + 1), "sizing");
            BenchmarkParams params = sizing.getParams();
            double score = sizing.getPrimaryResult().getScore();
            double unitNanos = params.getTimeUnit().toNanos(1);
            double nanosPerOp = params.getMode() == Mode.Throughput ? unitNanos / score : score * unitNanos;
            spin[r] = Math.round(params.getMode() == Mode.Throughput ? nanosPerOp * p / (1 - p) : nanosPerOp * p);
            System.out.printf(Locale.ROOT, "calibration: %s takes %.0f ns per operation in the baseline: the candidate spins %d ns per echo%n",
                    row, nanosPerOp, spin[r]);
        }
    }

    private static String calibrationReport(Request request, List<BenchmarkRow> rows, long[] spin, PairedComparison c) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (spin[r] == 0) {
                continue;
            }
            PairedComparison.Row row = c.rows().get(r);
            double injected = row.higherIsBetter() ? -request.calibratePercent() : request.calibratePercent();
            boolean inside = row.lowPercent() <= injected && injected <= row.highPercent();
            out.append(String.format(Locale.ROOT, "calibration: %s injected %+.1f %% (spin %d ns per echo), measured %+.2f %% [%+.2f %%, %+.2f %%]: %s, %s%n",
                    rows.get(r), injected, spin[r], row.changePercent(), row.lowPercent(), row.highPercent(),
                    inside ? "inside the interval" : "OUTSIDE the interval", row.regression() ? "flagged" : "not flagged"));
        }
        return out.toString();
    }

    /** One JMH result file for one side: per row, its forks in pair order, as one JMH run with that many forks. */
    private static void writeMerged(Path file, List<BenchmarkRow> rows, List<BenchmarkResult>[] forks) {
        List<RunResult> merged = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            BenchmarkParams first = forks[r].get(0).getParams();
            merged.add(new RunResult(withForks(first, forks[r].size()), forks[r]));
        }
        ResultFormatFactory.getInstance(ResultFormatType.JSON, file.toString()).writeOut(merged);
    }

    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams params = new WorkloadParams();
        int i = 0;
        for (String key : p.getParamsKeys()) {
            params.put(key, p.getParam(key), i++);
        }
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(), p.getThreads(), p.getThreadGroups(),
                p.getThreadGroupLabels(), forks, p.getWarmupForks(), p.getWarmup(), p.getMeasurement(), p.getMode(), params, p.getTimeUnit(),
                p.getOpsPerInvocation(), p.getJvm(), p.getJvmArgs(), p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(),
                p.getTimeout());
    }

    /** Runs one fork of one row on one side's class path. */
    static final class ForkRunner {
        private final Options common;
        private final Map<Schedule.Side, List<Path>> classpaths;
        private final Path forkDir;
        private final PrintStream log;
        private final boolean defaultTiming;

        ForkRunner(Options common, Map<Schedule.Side, List<Path>> classpaths, Path out, PrintStream log, boolean defaultTiming) throws IOException {
            this.common = common;
            this.defaultTiming = defaultTiming;
            this.classpaths = classpaths;
            this.forkDir = Files.createDirectories(out.resolve("forks"));
            this.log = log;
        }

        BenchmarkResult run(BenchmarkRow row, Schedule.Side side, long spinNanos, String name, String what) {
            ChainedOptionsBuilder b = new OptionsBuilder().parent(common).include(row.include()).mode(row.mode()).forks(1).warmupForks(0)
                    .shouldFailOnError(true);
            row.params().forEach(b::param);
            if (defaultTiming) {
                Timing.forRow(row).applyTo(b);
            }
            if (spinNanos > 0) {
                List<String> prepend = new ArrayList<>(common.getJvmArgsPrepend().orElse(List.of()));
                prepend.add("-D" + EchoCalibration.SPIN_PROPERTY + "=" + spinNanos);
                b.jvmArgsPrepend(prepend.toArray(new String[0]));
            }
            String previous = System.getProperty("java.class.path");
            System.setProperty("java.class.path", SideClasspath.join(classpaths.get(side)));
            log.printf("%n==== %s %s %s (%s)%n", name, side, row, what);
            Collection<RunResult> results;
            try (PrintStream forkLog = new PrintStream(new FilterOutputStream(log) {
                @Override
                public void write(byte[] b, int off, int len) {
                    log.write(b, off, len);
                }

                @Override
                public void close() {
                    log.flush(); // JMH closes its output after every run; the log stays open
                }
            }, true, StandardCharsets.UTF_8)) {
                OutputFormat out = OutputFormatFactory.createFormatInstance(forkLog, common.verbosity().orElse(VerboseMode.NORMAL));
                results = new Runner(b.build(), out).run();
            } catch (RunnerException e) {
                throw new UsageException("the " + side.name().toLowerCase(Locale.ROOT) + " fork of " + row + " (" + what + ") failed: "
                        + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")") + "; its output is in jmh.log");
            } finally {
                System.setProperty("java.class.path", previous);
            }
            if (results.size() != 1 || results.iterator().next().getBenchmarkResults().size() != 1) {
                throw new UsageException("the " + side.name().toLowerCase(Locale.ROOT) + " fork of " + row + " produced " + results.size()
                        + " results instead of one; see jmh.log");
            }
            ResultFormatFactory.getInstance(ResultFormatType.JSON, forkDir.resolve(name + ".json").toString()).writeOut(results);
            return results.iterator().next().getBenchmarkResults().iterator().next();
        }
    }

    /** The user's JMH options (with the benchmark pattern), checked for what an interleaved run decides itself. */
    static Options options(List<String> jmhArgs) {
        CommandLineOptions o;
        try {
            o = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            throw new UsageException("JMH arguments: " + e.getMessage());
        }
        if (o.getForkCount().hasValue() || o.getWarmupForkCount().hasValue()) {
            throw new UsageException("-f/-wf: an interleaved run makes one fork per side per pair; set the number of pairs with --pairs N");
        }
        if (o.getResult().hasValue() || o.getResultFormat().hasValue() || o.getOutput().hasValue()) {
            throw new UsageException("-rf/-rff/-o: an interleaved run writes its own files (see --out)");
        }
        return o;
    }

    /** The same options without the benchmark pattern(s), for the per-fork options to add exactly one. */
    static Options withoutIncludes(List<String> jmhArgs) {
        List<String> includes = options(jmhArgs).getIncludes();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < jmhArgs.size(); i++) {
            String a = jmhArgs.get(i);
            boolean positional = includes.contains(a) && (i == 0 || !jmhArgs.get(i - 1).startsWith("-"));
            if (!positional) {
                rest.add(a);
            }
        }
        Options o = options(rest);
        if (!o.getIncludes().isEmpty()) {
            throw new UsageException("cannot tell the benchmark pattern from the options in: " + String.join(" ", jmhArgs)
                    + "; put the pattern first");
        }
        return o;
    }

    /** The JMH arguments a comparison runs: the user's, or the default set; the library's rows and the placement added unless given. */
    static List<String> jmhArgs(Library library, List<String> given) {
        List<String> args = new ArrayList<>(given);
        if (args.isEmpty()) {
            args.add(DEFAULT_BENCHMARKS);
        }
        Map<String, List<String>> params = ParamCheck.given(args.toArray(new String[0]));
        if (!params.containsKey("server")) {
            args.addAll(List.of("-p", "server=" + library.name()));
        }
        if (!params.containsKey("library")) {
            args.addAll(List.of("-p", "library=" + library.name()));
        }
        if (!params.containsKey("placement")) {
            args.addAll(List.of("-p", "placement=" + DEFAULT_PLACEMENT));
        }
        return args;
    }

    static Request parse(String[] args) throws IOException {
        Library library = null;
        String baseline = null;
        String candidate = null;
        Path baseCp = null;
        Path candCp = null;
        Path jars = null;
        int pairs = DEFAULT_PAIRS;
        long seed = System.nanoTime() % 1_000_000;
        double calibrate = 0;
        double failAbove = 0;
        boolean markdown = false;
        Path out = null;
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            switch (a) {
                case "--markdown" -> markdown = true;
                case "--library" -> library = libraryNamed(value(args, ++i, a));
                case "--baseline" -> baseline = value(args, ++i, a);
                case "--candidate" -> candidate = value(args, ++i, a);
                case "--baseline-classpath" -> baseCp = Path.of(value(args, ++i, a));
                case "--candidate-classpath" -> candCp = Path.of(value(args, ++i, a));
                case "--candidate-jars" -> jars = Path.of(value(args, ++i, a));
                case "--pairs" -> pairs = (int) number(value(args, ++i, a), a, PairedComparison.MIN_PAIRS, 1000);
                case "--seed" -> seed = (long) number(value(args, ++i, a), a, 0, Long.MAX_VALUE);
                case "--calibrate" -> calibrate = number(value(args, ++i, a), a, 0.1, 50);
                case "--fail-above" -> failAbove = number(value(args, ++i, a), a, 0, 1000);
                case "--out" -> out = Path.of(value(args, ++i, a));
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (library == null || baseline == null || candidate == null || baseCp == null || (candCp == null && jars == null)) {
            throw new UsageException("--library, --baseline, --candidate, --baseline-classpath and --candidate-classpath (or --candidate-jars) are required");
        }
        if (out == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            out = Path.of("results", "runs", "compare-" + library.cliName() + "-" + safe(baseline) + "-vs-" + safe(candidate) + "-" + stamp);
        }
        Files.createDirectories(out);
        List<String> given = Arrays.asList(args).subList(i, args.length);
        return new Request(library, baseline, baseCp, candidate, candCp, jars, pairs, seed, calibrate, failAbove, markdown, out,
                jmhArgs(library, given), given.isEmpty());
    }

    private static Library libraryNamed(String name) {
        try {
            return Library.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static double number(String text, String option, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a number, got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new UsageException(option + " must be between " + fmt(min) + " and " + fmt(max) + ", got " + text);
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
