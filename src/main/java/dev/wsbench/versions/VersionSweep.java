package dev.wsbench.versions;

import com.google.gson.JsonObject;
import dev.wsbench.Arguments.UsageException;
import dev.wsbench.ExitCode;
import dev.wsbench.placement.CpuAffinity;
import dev.wsbench.results.JmhResult;
import dev.wsbench.results.JmhResultFile;
import dev.wsbench.results.PairedComparison;
import dev.wsbench.results.Provenance;
import dev.wsbench.results.ReleaseSweep;
import dev.wsbench.results.SweepChart;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which release did it: a <b>sweep</b> measures every release between two versions (Maven's own
 * list, {@link MavenVersions}) in interleaved rounds ({@link SweepRounds}) and tests each step
 * between adjacent releases ({@link ReleaseSweep}); a <b>bisection</b> ({@code --bisect}) handles
 * ranges too long to sweep, a noisy binary search over one row ({@link Bisection}). What
 * {@code bin/sweep-versions} starts.
 *
 * <p>A release of a range that Maven cannot resolve, or whose class path loads another version, is
 * skipped and named; one named with {@code --versions} stops the run (the user asked for it). Exit
 * codes as {@code bin/compare-versions} ({@link ExitCode}): 0 no step is a regression beyond
 * {@code --fail-above} (a bisection that cannot decide included: it says why), 1 a step is, 2
 * unusable input or a run that could not measure.
 */
public final class VersionSweep {
    private VersionSweep() {
    }

    public static void main(String[] args) {
        InterleavedComparison.runAndExit(VersionSweep::run, args, "the sweep failed");
    }

    static ExitCode run(String[] args) throws IOException {
        List<Integer> cpus = CpuAffinity.allowedCpus();
        SweepRequest request = SweepRequest.parse(args, cpus.size());
        PrintStream log = InterleavedComparison.jmhLog(request.out());
        List<BenchmarkRow> rows = InterleavedComparison.rows(request.jmhArgs(), log);
        if (request.bisect() && rows.size() != 1) {
            throw new UsageException("--bisect follows one row, and the arguments select " + rows.size() + " (" + rows.get(0) + ", " + rows.get(1)
                    + (rows.size() > 2 ? ", ..." : "") + "); narrow them with -p, for example -p size=8192");
        }
        MavenVersions maven = new MavenVersions(Path.of("pom.xml").toAbsolutePath(), Path.of("target", "sweep-versions"), request.library(),
                Map.of());
        List<String> versions = request.versions() != null ? request.versions()
                : maven.releases(request.from(), request.to(), request.preReleases());
        System.out.printf(Locale.ROOT, "%s%s: %d versions: %s%n", request.library().displayName(),
                request.under() == null ? "" : " under " + request.under().displayName(), versions.size(), String.join(", ", versions));
        Context context = new Context(request, rows, maven, labels(versions), versions, cpus, log);
        try (JmhLock lock = JmhLock.acquire()) {
            return request.bisect() ? Bisection.run(context) : sweep(context);
        }
    }

    /** What a sweep or a bisection works with: the request, its rows, Maven, and the versions with their unique labels. */
    record Context(SweepRequest request, List<BenchmarkRow> rows, MavenVersions maven, List<String> labels, List<String> versions,
                   List<Integer> cpus, PrintStream log) {
        ForkRunner runner() throws IOException {
            return new ForkRunner(ComparisonRequest.forkArgs(request.jmhArgs()), Map.of(), request.out(), log, request.defaultTiming(), false, CodecJit.DEFAULT);
        }

        SweepRounds rounds(ForkRunner runner) {
            return new SweepRounds(runner, rows, request.parallel(), cpus, request.seed());
        }

        /**
         * Resolves version {@code i} and checks that its class path loads that version of the
         * library; null, with the reason in {@code skipped}, when it does not.
         */
        SweepRounds.Version resolve(int i, Map<String, String> skipped, Map<String, Provenance> provenance) throws IOException {
            String label = labels.get(i);
            String version = versions.get(i);
            MavenVersions.Resolved r = maven.resolve(version);
            if (!r.ok()) {
                skipped.put(label, r.problem());
                return null;
            }
            Provenance p = Provenance.capture(request.jmhArgs(), r.classpath());
            String loaded = p.libraries().get(request.library().displayName());
            if (!version.equals(p.ownVersion(request.library().displayName()))) {
                skipped.put(label, "its class path loads " + request.library().displayName() + " " + loaded + ", not " + version);
                return null;
            }
            provenance.put(label, p);
            String shown = request.under() != null ? " (" + request.under().displayName() + " " + p.libraries().get(request.under().displayName()) + ")"
                    : loaded.equals(version) ? "" : " (" + loaded + ")";
            System.out.println("resolved " + label + shown);
            return new SweepRounds.Version(label, version, r.classpath());
        }

        /** The timing line and the output folder, printed before the first fork. */
        void header(String design, SweepRounds rounds) {
            System.out.printf(Locale.ROOT, "%d rows; %s; %s; order seed %d (--seed %d repeats it); JMH args: %s%n", rows.size(), rounds.describe(),
                    design, request.seed(), request.seed(), String.join(" ", request.jmhArgs()));
            if (request.defaultTiming()) {
                System.out.println("timing: " + Timing.describeDefaults() + " (-wi, -w, -i or -r replace it)");
            }
            System.out.println("output: " + request.out() + " (JMH's own output: jmh.log)");
        }

        /** Seconds left of the budget, less the time kept for the report. */
        double secondsLeft() {
            return (request.startedAtMillis() + request.budget().toMillis() - System.currentTimeMillis()) / 1e3 - ComparisonRequest.REPORT_SECONDS;
        }

        /**
         * Writes every version's forks as one JMH result file in {@code dir} (provenance beside it)
         * and compares them as a sweep.
         */
        ReleaseSweep analyse(Path dir, List<SweepRounds.Version> set, SweepRounds rounds, Map<String, Provenance> provenance, String note)
                throws IOException {
            Files.createDirectories(dir);
            List<String> labels = new ArrayList<>();
            List<List<JmhResult>> results = new ArrayList<>();
            for (SweepRounds.Version v : set) {
                List<List<JsonObject>> forks = rounds.forksOf(v.label()).stream().filter(l -> !l.isEmpty()).toList();
                labels.add(v.label());
                if (forks.isEmpty()) {
                    results.add(List.of());
                    continue;
                }
                Path file = dir.resolve(ComparisonRequest.safe(v.label()) + ".json");
                MergedResults.write(file, forks);
                Provenance p = provenance.get(v.label());
                p.setComparison(note + "; this file: " + v.label());
                p.writeBeside(file);
                results.add(JmhResultFile.read(file));
            }
            Files.writeString(dir.resolve("order.tsv"), rounds.orderTsv());
            return ReleaseSweep.of(labels, results, rounds.failures(), request.failAbovePercent());
        }
    }

    private static ExitCode sweep(Context c) throws IOException {
        SweepRequest request = c.request();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Provenance> provenance = new HashMap<>();
        List<SweepRounds.Version> set = new ArrayList<>();
        for (int i = 0; i < c.versions().size(); i++) {
            SweepRounds.Version v = c.resolve(i, skipped, provenance);
            if (v != null) {
                set.add(v);
            } else if (request.versions() != null) {
                throw new UsageException("--versions names " + c.labels().get(i) + ", which cannot be measured: " + skipped.get(c.labels().get(i)));
            } else {
                System.out.println("skipped " + c.labels().get(i) + ": " + skipped.get(c.labels().get(i)));
            }
        }
        if (set.size() < 2) {
            throw new UsageException("fewer than two versions can be measured (" + set.size() + "); skipped: " + skipped);
        }
        int steps = (set.size() - 1) * c.rows().size();
        int floor = PairedComparison.holmFloor(steps);
        int wanted = request.rounds() > 0 ? request.rounds() : floor;
        ForkRunner runner = c.runner();
        List<Integer> all = IntStream.range(0, c.rows().size()).boxed().toList();
        String design = request.rounds() > 0 ? request.rounds() + " rounds"
                : "budget " + request.budget().toMinutes() + " min (a pilot round, then as many rounds as fit, at least " + floor
                        + " for Holm over " + steps + " steps)";
        long started = System.nanoTime();
        try (SweepRounds rounds = c.rounds(runner)) {
            c.header(design, rounds);
            for (int round = 1; round <= wanted; round++) {
                rounds.round("", round, all, set, wanted);
                if (round == 1 && request.rounds() == 0) {
                    double perRound = (System.nanoTime() - started) / 1e9;
                    int fit = 1 + (int) Math.floor(Math.max(0, c.secondsLeft()) / perRound);
                    wanted = Math.max(floor, Math.min(SweepRequest.MAX_ROUNDS, fit));
                    System.out.printf(Locale.ROOT, "budget: a round takes %.1f min; %d rounds (%d fit in the %.1f min left, floor %d for Holm over %d steps)%n",
                            perRound / 60, wanted, fit, c.secondsLeft() / 60, floor, steps);
                    if (fit < floor) {
                        System.out.printf(Locale.ROOT, "budget: the floor of %d rounds takes %.1f min more than the budget has; give a longer --budget,"
                                + " fewer versions or fewer rows%n", floor, (floor - fit) * perRound / 60);
                    }
                }
            }
            String note = String.format(Locale.ROOT, "release sweep of %s%s: %s, %s, %d rounds, %s, order seed %d%s%s", request.library().displayName(),
                    request.under() == null ? "" : " under " + request.under().displayName(), String.join(", ", set.stream().map(SweepRounds.Version::label).toList()),
                    rounds.describe(), wanted, "Holm over " + steps + " steps", request.seed(),
                    request.defaultTiming() ? ", timing: " + Timing.describeDefaults() : "",
                    skipped.isEmpty() ? "" : ", skipped: " + skipped);
            ReleaseSweep sweep = c.analyse(request.out().resolve("versions"), set, rounds, provenance, note);
            if (sweep.rows().stream().noneMatch(r -> r.points().size() >= 2)) {
                throw new UsageException("no row has results for two versions, so nothing was compared; the forks that failed: "
                        + rounds.failures());
            }
            String table = sweep.format(request.markdown());
            Path chart = SweepChart.write(sweep, request.library().displayName() + (request.under() == null ? "" : " under "
                    + request.under().displayName()), request.library().displayName(), request.out().resolve("sweep.png"));
            Files.writeString(request.out().resolve("sweep." + (request.markdown() ? "md" : "txt")), note + "\n\n"
                    + (request.markdown() ? "![the sweep, one panel per row](sweep.png)\n\n" : "") + table);
            Files.writeString(request.out().resolve("sweep.json"), sweep.toJson(note));
            System.out.println();
            System.out.print(table);
            List<ReleaseSweep.Step> flagged = sweep.flagged();
            System.out.println(flagged.isEmpty() ? "no step flagged" : "flagged steps:");
            for (ReleaseSweep.Step s : flagged) {
                PairedComparison.Row r = s.comparison();
                System.out.printf(Locale.ROOT, "  %s: %s -> %s %+.2f%% [%+.2f%%, %+.2f%%] %s%n", r.key(), s.from(), s.to(), r.changePercent(),
                        r.lowPercent(), r.highPercent(), r.verdict());
            }
            System.out.printf(Locale.ROOT, "%d versions x %d rows x %d rounds in %.1f min (%.1f min since the command started, Maven included); chart: %s%n",
                    set.size(), c.rows().size(), wanted, (System.nanoTime() - started) / 60e9,
                    (System.currentTimeMillis() - request.startedAtMillis()) / 60e3, chart);
            if (sweep.anyRegression()) {
                System.err.printf(Locale.ROOT, "FAIL: a step regressed beyond %s %% (the whole interval, after Holm's correction)%n",
                        request.failAbovePercent());
                return ExitCode.REGRESSION;
            }
            return ExitCode.NO_REGRESSION;
        }
    }

    /** The versions as labels, a repeated one numbered ({@code 4.2.20.Final}, {@code 4.2.20.Final#2}): files and tables need them unique. */
    static List<String> labels(List<String> versions) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String v : versions) {
            int n = seen.merge(v, 1, Integer::sum);
            out.add(n == 1 ? v : v + "#" + n);
        }
        return out;
    }
}
