package dev.wsbench.versions;

import dev.wsbench.Arguments;
import dev.wsbench.Arguments.UsageException;
import dev.wsbench.Settings;
import dev.wsbench.library.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the command line of {@link VersionSweep} says (what {@code bin/sweep-versions} passes
 * on), checked: one {@link UsageException} line for anything it cannot run.
 *
 * @param from the oldest version of a range, or null with {@link #versions}
 * @param to the newest version of a range, or null with {@link #versions}
 * @param versions an explicit list ({@code --versions a,b,c}), or null for the range
 * @param rounds a fixed number of rounds (a sweep) or of rounds per step (a bisection), or 0: the budget decides
 * @param under a framework on {@link #library} whose server and client the rows use (see {@link ComparisonRequest#under()})
 */
record SweepRequest(Library library, String from, String to, List<String> versions, boolean preReleases, boolean bisect, int rounds,
                    Duration budget, long startedAtMillis, long seed, double failAbovePercent, boolean markdown, boolean parallel,
                    Library under, Path out, List<String> jmhArgs, boolean defaultTiming) {
    /** A sweep of six releases on the echo rows, Maven included, fits in half an hour on the project's VM. */
    static final Duration DEFAULT_BUDGET = Duration.ofMinutes(30);
    /** The most rounds a budget gives: past this an interval narrows by little. */
    static final int MAX_ROUNDS = 40;

    static SweepRequest parse(String[] args, int cpus) throws IOException {
        List<String> versions = null;
        boolean pre = false;
        boolean bisect = false;
        int rounds = 0;
        Duration budget = DEFAULT_BUDGET;
        long startedAt = System.currentTimeMillis();
        long seed = System.nanoTime() % 1_000_000;
        double failAbove = 0;
        boolean markdown = false;
        boolean sequential = false;
        Library under = null;
        Path out = null;
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            String a = args[i];
            switch (a) {
                case "--versions" -> versions = versionList(Arguments.value(args, ++i, a));
                case "--pre-releases" -> pre = true;
                case "--bisect" -> bisect = true;
                case "--rounds" -> rounds = (int) Arguments.number(Arguments.value(args, ++i, a), a, 1, 1000);
                case "--budget" -> budget = Arguments.duration(Arguments.value(args, ++i, a), a);
                case "--started-at" -> startedAt = (long) Arguments.number(Arguments.value(args, ++i, a), a, 0, Long.MAX_VALUE);
                case "--seed" -> seed = (long) Arguments.number(Arguments.value(args, ++i, a), a, 0, Long.MAX_VALUE);
                case "--fail-above" -> failAbove = Arguments.number(Arguments.value(args, ++i, a), a, 0, 1000);
                case "--markdown" -> markdown = true;
                case "--sequential" -> sequential = true;
                case "--under" -> under = ComparisonRequest.libraryNamed(Arguments.value(args, ++i, a));
                case "--out" -> out = Path.of(Arguments.value(args, ++i, a));
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        int positional = versions == null ? 3 : 1;
        if (args.length - i < positional) {
            throw new UsageException(versions == null ? "give LIBRARY FROM TO (or --versions a,b,c LIBRARY)" : "give LIBRARY after --versions");
        }
        Library library = ComparisonRequest.libraryNamed(args[i]);
        String from = versions == null ? args[i + 1] : null;
        String to = versions == null ? args[i + 2] : null;
        if (from != null && from.startsWith("-")) {
            throw new UsageException("'" + from + "' is not a version; give LIBRARY FROM TO before the JMH arguments");
        }
        List<String> given = Arrays.asList(args).subList(i + positional, args.length);
        given.stream().filter(a -> a.startsWith("--")).findFirst().ifPresent(a -> {
            throw new UsageException(a + " after the versions: options go before LIBRARY (bin/sweep-versions [OPTIONS] LIBRARY FROM TO [JMH ARGS])");
        });
        if (bisect && given.isEmpty()) {
            throw new UsageException("--bisect follows one row: give its benchmark and parameters, for example "
                    + "'\\.EchoBenchmark\\.roundTrip$' -p size=8192");
        }
        if (budget.toSeconds() < 60 && rounds == 0) {
            throw new UsageException("--budget " + budget.toSeconds() + "s leaves no time for a pilot round; give at least 1m, or a fixed --rounds N");
        }
        ComparisonRequest.checkUnder(library, under);
        List<String> jmhArgs = under == null ? ComparisonRequest.jmhArgs(library, given) : ComparisonRequest.jmhArgsUnder(under, given);
        boolean parallel = !sequential && cpus >= 2;
        if (parallel) {
            ComparisonRequest.checkParallelPlacement(jmhArgs);
        }
        if (out == null) {
            String span = versions == null ? ComparisonRequest.safe(from) + "-to-" + ComparisonRequest.safe(to)
                    : versions.size() + "-versions";
            out = Path.of("results", "runs", (bisect ? "bisect-" : "sweep-") + library.cliName() + (under == null ? "" : "-under-" + under.cliName())
                    + "-" + span + "-" + LocalDateTime.now().format(Settings.RUN_STAMP));
        }
        Files.createDirectories(out);
        return new SweepRequest(library, from, to, versions, pre, bisect, rounds, budget, startedAt, seed, failAbove, markdown, parallel, under,
                out, jmhArgs, !ComparisonRequest.setsTiming(given));
    }

    private static List<String> versionList(String text) {
        List<String> list = Arrays.stream(text.split(",")).map(String::trim).toList();
        if (list.size() < 2 || list.stream().anyMatch(String::isEmpty)) {
            throw new UsageException("--versions takes two or more versions separated by commas, got '" + text + "'");
        }
        return list;
    }
}
