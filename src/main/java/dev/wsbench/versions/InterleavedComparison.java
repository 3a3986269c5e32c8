package dev.wsbench.versions;

import com.google.gson.JsonObject;
import dev.wsbench.Arguments;
import dev.wsbench.Arguments.UsageException;
import dev.wsbench.ExitCode;
import dev.wsbench.cli.ParamCheck;
import dev.wsbench.placement.CpuAffinity;
import dev.wsbench.placement.PlacementException;
import dev.wsbench.results.ComparisonChart;
import dev.wsbench.results.ForkLevels;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.results.PairedComparison;
import dev.wsbench.results.Provenance;
import dev.wsbench.results.ResultFileException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Two versions of one library measured in one run, pair by pair (what {@code bin/compare-versions}
 * starts, with each side's class path resolved by Maven): for every row (benchmark and parameter
 * set) pairs of forks, one baseline and one candidate, each fork a JMH run on its side's class
 * path ({@link ForkRunner}). On a machine with two CPUs or more the two forks of a pair run at the
 * same time, each on a CPU of its own (parallel pairs, "duet"), otherwise, or with
 * {@code --sequential}, one after the other in a random order ({@link Schedule}). The number of
 * pairs comes from a time budget ({@link PairBudget}) or {@code --pairs N}. Writes one JMH JSON
 * file per side (every fork's iterations, in pair order, readable by any JMH tool, {@link
 * MergedResults}) with provenance beside it, every fork's own JSON and output, JMH's full output,
 * and the paired comparison ({@link PairedComparison}) as text or Markdown and JSON.
 *
 * <p>Exit codes ({@link ExitCode}), each with a last line saying which: 0 no regression beyond
 * {@code --fail-above}, 1 a regression beyond it, 2 unusable input or a failed fork (one line
 * saying what). The benchmarks are compiled once, against the pom's version; both sides run
 * those classes.
 */
public final class InterleavedComparison {
    private InterleavedComparison() {
    }

    public static void main(String[] args) {
        runAndExit(InterleavedComparison::run, args, "the comparison failed");
    }

    /** What a command of this package runs: its exit code, from its arguments. */
    interface Command {
        ExitCode run(String[] args) throws IOException;
    }

    /**
     * Runs {@code command} and exits with its code, or with 2 and one line when the input is
     * unusable or the run fails ({@code failure} says what failed): never a stack trace.
     */
    static void runAndExit(Command command, String[] args, String failure) {
        ExitCode code;
        try {
            code = command.run(args);
        } catch (UsageException | ResultFileException | PlacementException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            code = ExitCode.UNUSABLE;
        } catch (IOException | RuntimeException e) {
            System.err.println("error: " + failure + ": " + e);
            code = ExitCode.UNUSABLE;
        }
        code.exit();
    }

    /**
     * The rows the JMH arguments select, their {@code -p} options checked first; what JMH prints
     * while it lists them goes to {@code log}.
     *
     * @throws UsageException for a bad {@code -p} or a selection of nothing
     */
    static List<BenchmarkRow> rows(List<String> jmhArgs, PrintStream log) throws IOException {
        String problem = ParamCheck.check(jmhArgs.toArray(new String[0]));
        if (problem != null) {
            throw new UsageException(problem);
        }
        List<BenchmarkRow> rows = BenchmarkRow.expand(ComparisonRequest.options(jmhArgs),
                OutputFormatFactory.createFormatInstance(log, VerboseMode.SILENT));
        if (rows.isEmpty()) {
            throw new UsageException("no benchmark matches " + String.join(" ", jmhArgs));
        }
        return rows;
    }

    /** JMH's output of a run, its forks' included, appended to {@code out/jmh.log}. */
    static PrintStream jmhLog(Path out) throws IOException {
        return new PrintStream(new FileOutputStream(out.resolve("jmh.log").toFile(), true), true, StandardCharsets.UTF_8);
    }

    static ExitCode run(String[] args) throws IOException {
        List<Integer> cpus = CpuAffinity.allowedCpus();
        ComparisonRequest request = ComparisonRequest.parse(args, cpus.size());
        PrintStream log = jmhLog(request.out());
        List<BenchmarkRow> rows = rows(request.jmhArgs(), log);
        Map<Schedule.Side, List<Path>> classpaths = classpaths(request);
        Map<Schedule.Side, Provenance> provenance = provenance(request, classpaths);
        try (JmhLock lock = JmhLock.acquire()) {
            return compare(request, rows, classpaths, provenance, cpus, log);
        }
    }

    private static ExitCode compare(ComparisonRequest request, List<BenchmarkRow> rows, Map<Schedule.Side, List<Path>> classpaths,
                                    Map<Schedule.Side, Provenance> provenance, List<Integer> cpus, PrintStream log) throws IOException {
        String name = request.library().displayName();
        String measured = request.measured().displayName();
        System.out.printf(Locale.ROOT, "%s: baseline %s (loads %s %s), candidate %s (loads %s %s)%n", name, request.baseline(), measured,
                provenance.get(Schedule.Side.BASELINE).libraries().get(measured), request.candidate(), measured,
                provenance.get(Schedule.Side.CANDIDATE).libraries().get(measured));
        Lanes lanes = Lanes.of(request.duet(), cpus);
        System.out.printf(Locale.ROOT, "%d rows; %s; %s; order seed %d (--seed %d repeats it); JMH args: %s%n", rows.size(), lanes,
                design(request, rows.size()), request.seed(), request.seed(), String.join(" ", request.jmhArgs()));
        if (request.defaultTiming()) {
            System.out.println("timing: " + Timing.describeDefaults() + " (-wi, -w, -i or -r replace it)");
        }
        System.out.println(request.codecJit().describe());
        if (request.tooFewPairsForAnInterval()) {
            System.out.println("note: fewer than " + PairedComparison.MIN_PAIRS + " pairs give no interval and no verdict: a smoke run");
        }
        System.out.println("output: " + request.out() + " (JMH's own output: jmh.log)");
        ForkRunner runner = new ForkRunner(ComparisonRequest.forkArgs(request.jmhArgs()), classpaths, request.out(), log, request.defaultTiming(),
                request.calibratePercent() > 0, request.codecJit());
        Calibration calibration = request.calibratePercent() > 0
                ? Calibration.size(request.calibratePercent(), rows, runner, lanes.sizingCpus()) : Calibration.none(rows.size());

        PairRecord record = new PairRecord(rows);
        Schedule schedule = new Schedule(rows.size(), request.seed());
        long deadline = request.startedAtMillis() + request.budget().toMillis();
        PairBudget budget = new PairBudget(rows.size());
        int floor = budget.floor();
        int[] wanted = new int[rows.size()];
        Arrays.fill(wanted, request.pairs() > 0 ? request.pairs() : PairBudget.PILOT_PAIRS);
        boolean allocated = request.pairs() > 0;
        long started = System.nanoTime();
        try (Lanes.Running running = lanes.start()) {
            while (true) {
                if (!allocated && Arrays.stream(record.pairsByRow()).min().orElse(0) >= PairBudget.PILOT_PAIRS) {
                    wanted = allocate(request, rows, record, budget, deadline, null);
                    allocated = true;
                } else if (allocated && request.pairs() == 0 && System.currentTimeMillis() <= deadline) {
                    wanted = allocate(request, rows, record, budget, deadline, wanted); // revised from every pair so far
                }
                List<Schedule.Pair> round = schedule.round(wanted);
                if (round.isEmpty()) {
                    break;
                }
                for (Schedule.Pair pair : round) {
                    ForkRunner.Fork[] forks = running.run(runner, rows.get(pair.row()), pair, calibration.spinNanos(pair.row()));
                    record.add(pair, forks, lanes.cpusOf(pair));
                    progress(record, rows.get(pair.row()), pair, forks, wanted, started);
                }
                if (allocated && request.pairs() == 0 && System.currentTimeMillis() > deadline) {
                    for (int r = 0; r < wanted.length; r++) {
                        wanted[r] = Math.max(schedule.made(r), Math.min(wanted[r], floor)); // past the budget: finish the floors only
                    }
                }
            }
        }
        Files.writeString(request.out().resolve("order.tsv"), record.orderTsv());
        String note = String.format(Locale.ROOT, "interleaved comparison of %s%s: %s (baseline) vs %s (candidate), %s, %s, pairs by row %s, order seed %d%s%s%s",
                name, request.under() == null ? "" : " under " + measured + " " + provenance.get(Schedule.Side.BASELINE).ownVersion(measured),
                request.baseline(), request.candidate(), lanes, design(request, rows.size()), PairBudget.describe(record.pairsByRow()),
                request.seed(), request.defaultTiming() ? ", timing: " + Timing.describeDefaults() : "",
                request.codecJit() == CodecJit.DEFAULT ? "" : ", " + request.codecJit().describe(),
                calibration.active() ? ", " + calibration.describe() : "");
        Path[] files = new Path[2];
        for (Schedule.Side side : Schedule.Side.values()) {
            files[side.ordinal()] = request.out().resolve(side.label() + ".json");
            MergedResults.write(files[side.ordinal()], record.forks(side));
            Provenance p = provenance.get(side);
            p.setComparison(note + "; this file: the " + side.label() + " side");
            p.writeBeside(files[side.ordinal()]);
        }
        List<JmhResult> baseline = JmhResultFile.read(files[0]);
        List<JmhResult> candidate = JmhResultFile.read(files[1]);
        PairedComparison c = PairedComparison.of(baseline, candidate, request.failAbovePercent());
        String table = c.format(request.markdown());
        String levels = ForkLevels.report(baseline, candidate);
        String calibrated = calibration.active() ? calibration.report(rows, c, record.forks(Schedule.Side.BASELINE), record.forks(Schedule.Side.CANDIDATE)) : "";
        Path picture = ComparisonChart.write(c, request.failAbovePercent(), name + (request.under() == null ? "" : " under " + measured) + ": "
                + request.baseline() + " (baseline) against " + request.candidate(), request.out().resolve("comparison.png"));
        Files.writeString(request.out().resolve("comparison." + (request.markdown() ? "md" : "txt")), note + "\n\n"
                + (request.markdown() ? "![the comparison, one line per row](comparison.png)\n\n" : "") + table + levels + calibrated);
        Files.writeString(request.out().resolve("comparison.json"), c.toJson(note));
        System.out.println();
        System.out.print(table);
        System.out.print(levels);
        System.out.print(calibrated);
        double minutes = (System.currentTimeMillis() - request.startedAtMillis()) / 60e3;
        System.out.printf(Locale.ROOT, "%d pairs in %.1f min (%.1f min since the command started, Maven included); results: %s, %s; picture: %s%n",
                record.size(), (System.nanoTime() - started) / 60e9, minutes, files[0], files[1], picture);
        if (c.anyRegression()) {
            System.err.printf(Locale.ROOT, "FAIL: a regression beyond %s %% (the whole interval, after Holm's correction)%n", request.failAbovePercent());
            return ExitCode.REGRESSION;
        }
        return ExitCode.NO_REGRESSION;
    }

    /**
     * The pairs each row gets in the time left, from the spreads and pair times so far only: after
     * the pilot ({@code before} null) with a line per row, afterwards one line when the plan changes.
     */
    private static int[] allocate(ComparisonRequest request, List<BenchmarkRow> rows, PairRecord record, PairBudget budget, long deadline, int[] before) {
        double[] target = new double[rows.size()];
        boolean[] echo = new boolean[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            echo[r] = rows.get(r).echoesThroughServer();
            target[r] = (echo[r] ? request.targetEchoPercent() : request.targetCodecPercent()) / 100;
        }
        double left = Math.max(0, (deadline - System.currentTimeMillis()) / 1e3 - ComparisonRequest.REPORT_SECONDS);
        int[] made = record.pairsByRow();
        double[] spreads = record.spreads();
        int[] wanted = budget.allocate(spreads, record.secondsPerPair(), target, echo, made, left);
        double needed = PairBudget.secondsFor(wanted, made, record.secondsPerPair());
        if (before != null) {
            if (!Arrays.equals(before, wanted)) {
                System.out.printf(Locale.ROOT, "budget: revised from the spreads of %d pairs: pairs by row %s, about %.1f min more (%.1f min left)%n",
                        record.size(), PairBudget.describe(wanted), needed / 60, left / 60);
            }
            return wanted;
        }
        System.out.printf(Locale.ROOT, "budget: pilot done; pairs by row %s (floor %d for Holm over %d rows), about %.1f min more (%.1f min left)%n",
                PairBudget.describe(wanted), budget.floor(), rows.size(), needed / 60, left / 60);
        for (int r = 0; r < rows.size(); r++) {
            System.out.printf(Locale.ROOT, "budget: %-60s pilot spread %5.2f %% (MAD), %4.1f s a pair, target %s %% detectable -> %d pairs (expected %.1f %%)%n",
                    rows.get(r), spreads[r] * 100, record.secondsPerPair()[r], Arguments.plain(target[r] * 100), wanted[r],
                    budget.detectable(Math.max(spreads[r], PairBudget.MIN_SPREAD), wanted[r]) * 100);
        }
        if (needed > left + 1) {
            System.out.printf(Locale.ROOT, "budget: the floor of %d pairs a row takes %.1f min more than the budget has; give a longer --budget, or fewer rows%n",
                    budget.floor(), (needed - left) / 60);
        }
        return wanted;
    }

    private static void progress(PairRecord record, BenchmarkRow row, Schedule.Pair pair, ForkRunner.Fork[] forks, int[] wanted, long started) {
        int done = record.size();
        int total = Arrays.stream(wanted).sum();
        double elapsed = (System.nanoTime() - started) / 1e9;
        LocalTime eta = LocalTime.now().plusSeconds((long) (elapsed / done * Math.max(0, total - done))).truncatedTo(ChronoUnit.SECONDS);
        ForkRunner.Fork base = forks[Schedule.Side.BASELINE.ordinal()];
        ForkRunner.Fork cand = forks[Schedule.Side.CANDIDATE.ordinal()];
        System.out.printf(Locale.ROOT, "[%d/%d] %s pair %d: baseline %.4g, candidate %.4g %s, ratio %.4f (%.1f s; done about %s)%n", done, total, row,
                pair.pair() + 1, base.sample(), cand.sample(), base.unit(), cand.sample() / base.sample(),
                Math.max(base.seconds(), cand.seconds()), eta);
    }

    private static String design(ComparisonRequest request, int rows) {
        return request.pairs() > 0 ? request.pairs() + " pairs a row"
                : String.format(Locale.ROOT, "budget %s (pilot %d pairs a row, then pairs where the spread is, at least %d a row; detectable change aimed at %s %% echo, %s %% codec)",
                        format(request.budget()), PairBudget.PILOT_PAIRS, PairedComparison.holmFloor(rows), Arguments.plain(request.targetEchoPercent()),
                        Arguments.plain(request.targetCodecPercent()));
    }

    private static String format(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    private static Map<Schedule.Side, List<Path>> classpaths(ComparisonRequest request) {
        List<Path> baseCp = SideClasspath.read(request.baselineClasspath());
        List<Path> candCp = request.candidateJars() != null
                ? SideClasspath.withLocalJars(baseCp, request.library(), request.candidateJars())
                : SideClasspath.read(request.candidateClasspath());
        Map<Schedule.Side, List<Path>> classpaths = new EnumMap<>(Schedule.Side.class);
        classpaths.put(Schedule.Side.BASELINE, baseCp);
        classpaths.put(Schedule.Side.CANDIDATE, candCp);
        return classpaths;
    }

    private static Map<Schedule.Side, Provenance> provenance(ComparisonRequest request, Map<Schedule.Side, List<Path>> classpaths)
            throws IOException {
        Map<Schedule.Side, Provenance> provenance = new EnumMap<>(Schedule.Side.class);
        for (Schedule.Side side : Schedule.Side.values()) {
            Provenance p = Provenance.capture(request.jmhArgs(), classpaths.get(side));
            String loaded = p.libraries().get(request.library().displayName());
            if (loaded == null || loaded.equals("absent")) {
                throw new UsageException("the " + side.label() + " class path has no " + request.library().displayName());
            }
            provenance.put(side, p);
        }
        return provenance;
    }

    /**
     * Where the forks run: parallel pairs on the last two CPUs the run may use, one fork on each;
     * or sequential, each fork where its placement puts it (ONE_CPU pins itself to the last CPU).
     */
    record Lanes(boolean parallel, List<Integer> first, List<Integer> second) {
        static Lanes of(boolean parallel, List<Integer> allowed) {
            if (!parallel) {
                return new Lanes(false, null, null);
            }
            int n = allowed.size();
            return new Lanes(true, List.of(allowed.get(n - 2)), List.of(allowed.get(n - 1)));
        }

        /** The CPUs of each side in this pair (by side ordinal); nulls when sequential. */
        List<List<Integer>> cpusOf(Schedule.Pair pair) {
            List<List<Integer>> out = new ArrayList<>(List.of(List.of(), List.of()));
            out.set(pair.first().ordinal(), first);
            out.set(pair.first().other().ordinal(), second);
            return out;
        }

        /** A calibration's sizing fork runs alone; in parallel mode on the second CPU. */
        List<Integer> sizingCpus() {
            return second;
        }

        Running start() {
            return new Running(this, parallel ? Executors.newFixedThreadPool(2) : null);
        }

        @Override
        public String toString() {
            return parallel ? "parallel pairs: the two forks of a pair at once, on CPU " + CpuAffinity.list(first) + " and CPU "
                    + CpuAffinity.list(second) + ", sides drawn per pair" : "sequential pairs: one fork at a time, in a random order per pair";
        }

        /** Runs pairs; holds the two threads of parallel pairs. */
        record Running(Lanes lanes, ExecutorService pool) implements AutoCloseable {
            /** Both forks of a pair, by side ordinal. */
            ForkRunner.Fork[] run(ForkRunner runner, BenchmarkRow row, Schedule.Pair pair, long candidateSpin) {
                ForkRunner.Fork[] forks = new ForkRunner.Fork[2];
                List<List<Integer>> cpus = lanes.cpusOf(pair);
                Schedule.Side[] order = {pair.first(), pair.first().other()};
                if (pool == null) {
                    for (Schedule.Side side : order) {
                        forks[side.ordinal()] = runner.run(row, side, spin(side, candidateSpin), forkName(side, pair), cpus.get(side.ordinal()));
                    }
                    return forks;
                }
                List<Future<ForkRunner.Fork>> running = new ArrayList<>();
                for (Schedule.Side side : order) {
                    running.add(pool.submit(() -> runner.run(row, side, spin(side, candidateSpin), forkName(side, pair), cpus.get(side.ordinal()))));
                }
                for (int i = 0; i < 2; i++) {
                    try {
                        forks[order[i].ordinal()] = running.get(i).get();
                    } catch (ExecutionException e) {
                        running.forEach(f -> f.cancel(true));
                        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new UsageException("interrupted while waiting for pair " + (pair.pair() + 1) + " of " + row);
                    }
                }
                return forks;
            }

            private static long spin(Schedule.Side side, long candidateSpin) {
                return side == Schedule.Side.CANDIDATE ? candidateSpin : 0;
            }

            private static String forkName(Schedule.Side side, Schedule.Pair pair) {
                return String.format(Locale.ROOT, "%s-row%02d-pair%02d", side.label(), pair.row() + 1, pair.pair() + 1);
            }

            @Override
            public void close() {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }
    }

    /** Every pair so far: the forks' JSON per side and row (in pair order), and the order they ran in. */
    static final class PairRecord {
        private final List<BenchmarkRow> rows;
        private final List<List<List<JsonObject>>> json = new ArrayList<>();
        private final List<List<Double>> logRatios = new ArrayList<>();
        private final double[] seconds;
        private final StringBuilder order = new StringBuilder("pair\trow\tbenchmark\tside\tcpus\tsample\tunit\tseconds\n");
        private int size;

        PairRecord(List<BenchmarkRow> rows) {
            this.rows = rows;
            this.seconds = new double[rows.size()];
            for (int s = 0; s < 2; s++) {
                List<List<JsonObject>> bySide = new ArrayList<>();
                rows.forEach(r -> bySide.add(new ArrayList<>()));
                json.add(bySide);
            }
            rows.forEach(r -> logRatios.add(new ArrayList<>()));
        }

        void add(Schedule.Pair pair, ForkRunner.Fork[] forks, List<List<Integer>> cpus) {
            for (Schedule.Side side : new Schedule.Side[] {pair.first(), pair.first().other()}) {
                ForkRunner.Fork f = forks[side.ordinal()];
                json.get(side.ordinal()).get(pair.row()).add(f.json());
                List<Integer> c = cpus.get(side.ordinal());
                order.append(pair.pair() + 1).append('\t').append(pair.row() + 1).append('\t').append(rows.get(pair.row())).append('\t')
                        .append(side.label()).append('\t').append(c == null ? "any" : CpuAffinity.list(c)).append('\t').append(f.sample())
                        .append('\t').append(f.unit()).append('\t').append(String.format(Locale.ROOT, "%.1f", f.seconds())).append('\n');
            }
            logRatios.get(pair.row()).add(Math.log(forks[1].sample() / forks[0].sample()));
            seconds[pair.row()] += cpus.get(0) == null ? forks[0].seconds() + forks[1].seconds() : Math.max(forks[0].seconds(), forks[1].seconds());
            size++;
        }

        int size() {
            return size;
        }

        int[] pairsByRow() {
            return logRatios.stream().mapToInt(List::size).toArray();
        }

        /**
         * Per row, the spread the budget reads: 1.4826 times the median absolute deviation of the
         * pairs' log ratios about their median (the standard deviation for normal ratios), NaN under
         * two pairs. Not the standard deviation the report prints: one disturbed pair (a fork at 70 k
         * round trips/s among pairs at 89 k) took a row's standard deviation from 1.6 % to 8.4 %,
         * and the budget then gave the row up as out of reach, while the signed-rank test counts
         * that pair as one sign among the others. Like the standard deviation it is the same
         * whatever common change the ratios share.
         */
        double[] spreads() {
            return logRatios.stream().mapToDouble(l -> l.size() < 2 ? Double.NaN
                    : PairBudget.robustSpread(l.stream().mapToDouble(Double::doubleValue).toArray())).toArray();
        }

        double[] secondsPerPair() {
            double[] s = new double[seconds.length];
            int[] n = pairsByRow();
            for (int r = 0; r < s.length; r++) {
                s[r] = n[r] == 0 ? 0 : seconds[r] / n[r];
            }
            return s;
        }

        List<List<JsonObject>> forks(Schedule.Side side) {
            return json.get(side.ordinal());
        }

        /** The forks in the order they ran, each with the sample the comparison uses (the median of its iterations). */
        String orderTsv() {
            return order.toString();
        }
    }
}
