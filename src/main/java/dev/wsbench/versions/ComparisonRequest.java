package dev.wsbench.versions;

import dev.wsbench.Arguments;
import dev.wsbench.Arguments.UsageException;
import dev.wsbench.BenchmarkNames;
import dev.wsbench.ParamNames;
import dev.wsbench.Settings;
import dev.wsbench.cli.ParamCheck;
import dev.wsbench.library.Library;
import dev.wsbench.results.PairedComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * Everything the command line of {@link InterleavedComparison} says (what {@code bin/compare-versions}
 * passes on), checked: one {@link UsageException} line for anything it cannot run.
 *
 * @param pairs a fixed number of pairs per row, or 0: the {@link #budget} decides ({@link PairBudget})
 * @param startedAtMillis when the user's command started (the script's start, Maven included), for the budget
 * @param duet both forks of a pair at the same time, each on its own CPU (the default where two CPUs exist)
 * @param targetEchoPercent the detectable change (80 % power after Holm, no threshold) the budget aims echo rows at
 * @param targetCodecPercent the same for the other rows (codecs)
 * @param codecJit how the JIT compiles the codec forks (echo forks: always the JVM's default)
 * @param defaultTiming whether the run picks each row's timing ({@link Timing}): the JMH arguments set none (-wi, -w, -i, -r)
 * @param under a framework that runs on {@link #library} (Vert.x on Netty), whose server and client
 *        the rows use while the library under it changes version; null when the library is measured itself
 */
record ComparisonRequest(Library library, String baseline, Path baselineClasspath, String candidate, Path candidateClasspath,
                         Path candidateJars, int pairs, Duration budget, long startedAtMillis, long seed, double calibratePercent,
                         double failAbovePercent, boolean markdown, boolean duet, double targetEchoPercent, double targetCodecPercent, CodecJit codecJit,
                         Path out, List<String> jmhArgs, boolean defaultTiming, Library under) {
    /** Echo at three sizes through the library's server (or with its client), its masking and its parsing (where it has a codec). */
    static final String DEFAULT_BENCHMARKS = BenchmarkNames.includeExactly(BenchmarkNames.ECHO, BenchmarkNames.MASKING_LIBRARY, BenchmarkNames.PARSING);
    /** The echo alone: for a library without a frame codec of its own (Tomcat, Vert.x, OkHttp). */
    static final String ECHO_ONLY = BenchmarkNames.includeExactly(BenchmarkNames.ECHO);
    /** The server a client-only library (OkHttp) echoes through, at the pom's version. */
    static final Library SERVER_FOR_CLIENTS = Library.NETTY;
    /** A whole comparison, Maven included, within a quarter of an hour: what a pull request's check can afford. */
    static final Duration DEFAULT_BUDGET = Duration.ofMinutes(15);
    static final double DEFAULT_TARGET_ECHO_PERCENT = 2;
    static final double DEFAULT_TARGET_CODEC_PERCENT = 5;
    /** Kept from the budget for merging, comparing and writing the files at the end. */
    static final int REPORT_SECONDS = 10;
    /** Where pairs are least disturbed by wake-ups on the project's VM (see docs/placement.md). */
    static final String DEFAULT_PLACEMENT = "ONE_CPU";

    static ComparisonRequest parse(String[] args, int cpus) throws IOException {
        Library library = null;
        String baseline = null;
        String candidate = null;
        Path baseCp = null;
        Path candCp = null;
        Path jars = null;
        int pairs = 0;
        Duration budget = DEFAULT_BUDGET;
        long startedAt = System.currentTimeMillis();
        long seed = System.nanoTime() % 1_000_000;
        double calibrate = 0;
        double failAbove = 0;
        boolean markdown = false;
        boolean sequential = false;
        double targetEcho = DEFAULT_TARGET_ECHO_PERCENT;
        double targetCodec = DEFAULT_TARGET_CODEC_PERCENT;
        CodecJit codecJit = CodecJit.DEFAULT;
        Path out = null;
        Library under = null;
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            switch (a) {
                case "--markdown" -> markdown = true;
                case "--sequential" -> sequential = true;
                case "--library" -> library = libraryNamed(Arguments.value(args, ++i, a));
                case "--baseline" -> baseline = Arguments.value(args, ++i, a);
                case "--candidate" -> candidate = Arguments.value(args, ++i, a);
                case "--baseline-classpath" -> baseCp = Path.of(Arguments.value(args, ++i, a));
                case "--candidate-classpath" -> candCp = Path.of(Arguments.value(args, ++i, a));
                case "--candidate-jars" -> jars = Path.of(Arguments.value(args, ++i, a));
                case "--pairs" -> pairs = (int) Arguments.number(Arguments.value(args, ++i, a), a, 1, 1000);
                case "--budget" -> budget = Arguments.duration(Arguments.value(args, ++i, a), a);
                case "--started-at" -> startedAt = (long) Arguments.number(Arguments.value(args, ++i, a), a, 0, Long.MAX_VALUE);
                case "--seed" -> seed = (long) Arguments.number(Arguments.value(args, ++i, a), a, 0, Long.MAX_VALUE);
                case "--calibrate" -> calibrate = Arguments.number(Arguments.value(args, ++i, a), a, 0.1, 50);
                case "--fail-above" -> failAbove = Arguments.number(Arguments.value(args, ++i, a), a, 0, 1000);
                case "--target-echo" -> targetEcho = Arguments.number(Arguments.value(args, ++i, a), a, 0.1, 100);
                case "--target-codec" -> targetCodec = Arguments.number(Arguments.value(args, ++i, a), a, 0.1, 100);
                case "--codec-jit" -> codecJit = CodecJit.named(Arguments.value(args, ++i, a));
                case "--out" -> out = Path.of(Arguments.value(args, ++i, a));
                case "--under" -> under = libraryNamed(Arguments.value(args, ++i, a));
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (library == null || baseline == null || candidate == null || baseCp == null || (candCp == null && jars == null)) {
            throw new UsageException("--library, --baseline, --candidate, --baseline-classpath and --candidate-classpath (or --candidate-jars) are required");
        }
        if (budget.toSeconds() < 60 && pairs == 0) {
            throw new UsageException("--budget " + budget.toSeconds() + "s leaves no time for a pilot; give at least 1m, or a fixed --pairs N");
        }
        if (out == null) {
            String stamp = LocalDateTime.now().format(Settings.RUN_STAMP);
            out = Path.of("results", "runs", "compare-" + library.cliName() + "-" + safe(baseline) + "-vs-" + safe(candidate) + "-" + stamp);
        }
        Files.createDirectories(out);
        List<String> given = Arrays.asList(args).subList(i, args.length);
        checkUnder(library, under);
        List<String> jmhArgs = under == null ? jmhArgs(library, given) : jmhArgsUnder(under, given);
        boolean duet = !sequential && cpus >= 2;
        if (duet) {
            checkParallelPlacement(jmhArgs);
        }
        return new ComparisonRequest(library, baseline, baseCp, candidate, candCp, jars, pairs, budget, startedAt, seed, calibrate, failAbove,
                markdown, duet, targetEcho, targetCodec, codecJit, out, jmhArgs, !setsTiming(given), under);
    }

    /** The library whose version is measured with its loaded version, as provenance states it ("5.0.7 on Netty 4.1.118.Final" under Vert.x). */
    Library measured() {
        return under == null ? library : under;
    }

    /**
     * Parallel forks run on one CPU each, so only placement ONE_CPU means what it says.
     *
     * @throws UsageException for any other placement
     */
    static void checkParallelPlacement(List<String> jmhArgs) {
        List<String> placements = ParamCheck.given(jmhArgs.toArray(new String[0])).get(ParamNames.PLACEMENT);
        if (!placements.equals(List.of(DEFAULT_PLACEMENT))) {
            throw new UsageException("-p placement=" + String.join(",", placements) + ": parallel pairs run each fork on one CPU of its own,"
                    + " so only placement ONE_CPU means what it says; add --sequential to compare other placements one fork at a time");
        }
    }

    /**
     * {@code --under FRAMEWORK}: the framework must run on the library ({@link Library#runsOn()}).
     *
     * @throws UsageException naming the frameworks that do
     */
    static void checkUnder(Library library, Library under) {
        if (under != null && under.runsOn() != library) {
            String on = Arrays.stream(Library.values()).filter(l -> l.runsOn() == library).map(Library::cliName)
                    .collect(Collectors.joining(", "));
            throw new UsageException("--under " + under.cliName() + ": " + under.displayName() + (under.runsOn() == null ? " runs on no other library"
                    : " runs on " + under.runsOn().displayName()) + ", not on " + library.displayName() + "; frameworks on "
                    + library.displayName() + ": " + (on.isEmpty() ? "none" : on));
        }
    }

    /** The echo through the framework's server with its client, both on the library under it; the placement added unless given. */
    static List<String> jmhArgsUnder(Library under, List<String> given) {
        List<String> args = new ArrayList<>(given);
        if (args.isEmpty()) {
            args.add(ECHO_ONLY);
        }
        Map<String, List<String>> params = ParamCheck.given(args.toArray(new String[0]));
        if (!params.containsKey(ParamNames.CLIENT) && under.hasClient()) {
            args.addAll(List.of("-p", ParamNames.CLIENT + "=" + under.name()));
        }
        return jmhArgs(under, args);
    }

    /** Fewer than {@link PairedComparison#MIN_PAIRS} pairs give no interval: only a smoke run. */
    boolean tooFewPairsForAnInterval() {
        return pairs > 0 && pairs < PairedComparison.MIN_PAIRS;
    }

    /**
     * The JMH arguments a comparison runs: the user's, or the default set (the echo, and masking and
     * parsing for a library with a codec); the library's server (a client-only library: its client,
     * echoing through {@link #SERVER_FOR_CLIENTS}), its codec and the placement added unless given.
     */
    static List<String> jmhArgs(Library library, List<String> given) {
        List<String> args = new ArrayList<>(given);
        if (args.isEmpty()) {
            args.add(library.hasCodec() ? DEFAULT_BENCHMARKS : ECHO_ONLY);
        }
        Map<String, List<String>> params = ParamCheck.given(args.toArray(new String[0]));
        if (!params.containsKey(ParamNames.SERVER)) {
            args.addAll(List.of("-p", ParamNames.SERVER + "=" + (library.hasServer() ? library : SERVER_FOR_CLIENTS).name()));
        }
        if (!library.hasServer() && !params.containsKey(ParamNames.CLIENT)) {
            args.addAll(List.of("-p", ParamNames.CLIENT + "=" + library.name()));
        }
        if (library.hasCodec() && !params.containsKey(ParamNames.LIBRARY)) {
            args.addAll(List.of("-p", ParamNames.LIBRARY + "=" + library.name()));
        }
        if (!params.containsKey(ParamNames.PLACEMENT)) {
            args.addAll(List.of("-p", ParamNames.PLACEMENT + "=" + DEFAULT_PLACEMENT));
        }
        return args;
    }

    /**
     * Whether the user's JMH arguments set the timing (-wi, -w, -i or -r): then every fork runs with
     * theirs; otherwise each row gets the comparison's own ({@link Timing#forRow}), a benchmark
     * pattern or parameters alone keep it.
     */
    static boolean setsTiming(List<String> given) {
        Options o = options(given);
        return o.getWarmupIterations().hasValue() || o.getWarmupTime().hasValue() || o.getMeasurementIterations().hasValue()
                || o.getMeasurementTime().hasValue();
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

    /**
     * The JMH arguments every fork shares: the user's without the benchmark pattern, the
     * parameters and the modes, which each fork gets for its own row.
     */
    static List<String> forkArgs(List<String> jmhArgs) {
        List<String> includes = options(jmhArgs).getIncludes();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < jmhArgs.size(); i++) {
            String a = jmhArgs.get(i);
            if ((a.equals("-p") || a.equals("-bm")) && i + 1 < jmhArgs.size()) {
                i++;
                continue;
            }
            boolean positional = includes.contains(a) && (i == 0 || !jmhArgs.get(i - 1).startsWith("-"));
            if (!positional) {
                rest.add(a);
            }
        }
        if (!options(rest).getIncludes().isEmpty()) {
            throw new UsageException("cannot tell the benchmark pattern from the options in: " + String.join(" ", jmhArgs)
                    + "; put the pattern first");
        }
        return rest;
    }

    static Library libraryNamed(String name) {
        try {
            return Library.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A version or label as a file name: anything but letters, digits, dot, dash and underscore becomes an underscore. */
    static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
