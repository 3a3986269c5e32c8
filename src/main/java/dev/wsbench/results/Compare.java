package dev.wsbench.results;

import dev.wsbench.Arguments;
import dev.wsbench.ExitCode;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mvn jmh:compare -Dbaseline=A.json -Dcandidate=B.json [-Dformat=markdown] [-DfailAbove=PCT]},
 * or for CI scripts {@code java -cp ... dev.wsbench.results.Compare --baseline A.json --candidate B.json
 * [--markdown] [--per-fork | --paired [--picture FILE.png]] [--fail-above PCT]}. {@code -DperFork=true} / {@code --per-fork} tests one
 * sample per fork instead of every iteration; {@code --paired} reads the two files of one interleaved
 * run ({@code bin/compare-versions}), whose forks are in pair order, and compares them pair by pair
 * ({@link PairedComparison}), then names its stray forks and rows at two levels ({@link ForkLevels}); {@code --picture} draws that comparison ({@link ComparisonChart}). Exit codes ({@link ExitCode}): 0 compared, 1 a significant regression
 * larger than PCT, 2 bad input (unreadable, empty or unrelated files, bad options).
 */
public final class Compare {
    private Compare() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (RuntimeException e) { // never a stack trace, never exit 1 for bad input
            System.err.println("error: cannot compare: " + e);
            code = ExitCode.UNUSABLE.code();
        }
        ExitCode.values()[code].exit();
    }

    static int run(String[] args) {
        String baseline = null;
        String candidate = null;
        boolean markdown = false;
        boolean perFork = false;
        boolean paired = false;
        double failAbove = Double.NaN;
        String picture = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--baseline" -> baseline = Arguments.value(args, ++i, "--baseline");
                    case "--candidate" -> candidate = Arguments.value(args, ++i, "--candidate");
                    case "--markdown" -> markdown = true;
                    case "--per-fork" -> perFork = true;
                    case "--paired" -> paired = true;
                    case "--picture" -> picture = Arguments.value(args, ++i, "--picture");
                    case "--fail-above" -> failAbove = Arguments.number(Arguments.value(args, ++i, "--fail-above"), "--fail-above", 0, 1000);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (baseline == null || candidate == null) {
                throw new IllegalArgumentException("both --baseline and --candidate are required");
            }
            if (picture != null && !paired) {
                throw new IllegalArgumentException("--picture needs --paired: an unpaired comparison has no interval of the change to draw");
            }
        } catch (IllegalArgumentException | Arguments.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: Compare --baseline A.json --candidate B.json [--markdown] [--per-fork | --paired [--picture FILE.png]] [--fail-above PCT]");
            return ExitCode.UNUSABLE.code();
        }
        try {
            Path a = Path.of(baseline);
            Path b = Path.of(candidate);
            List<JmhResult> base = JmhResultFile.read(a);
            List<JmhResult> cand = JmhResultFile.read(b);
            if (paired) {
                PairedComparison pc = PairedComparison.of(base, cand, Double.isNaN(failAbove) ? 0 : failAbove);
                if (pc.rows().isEmpty()) {
                    System.err.println("error: " + a + " and " + b + " have no benchmark with the same mode and parameters");
                    return ExitCode.UNUSABLE.code();
                }
                printProvenance(a, b);
                System.out.print(pc.format(markdown));
                System.out.print(ForkLevels.report(base, cand));
                if (picture != null) {
                    System.out.println("picture: " + ComparisonChart.write(pc, Double.isNaN(failAbove) ? 0 : failAbove, title(a, b),
                            Path.of(picture)));
                }
                return (pc.anyRegression() && !Double.isNaN(failAbove) ? ExitCode.REGRESSION : ExitCode.NO_REGRESSION).code();
            }
            Comparison c = Comparison.of(base, cand, perFork);
            if (perFork) {
                System.out.println("samples: one per fork (the median of its iterations)");
            }
            if (c.rows().isEmpty()) {
                System.err.println("error: " + a + " and " + b + " have no benchmark with the same mode and parameters;"
                        + " compare runs of the same benchmarks (" + c.onlyInBaseline().size() + " rows only in the baseline, "
                        + c.onlyInCandidate().size() + " only in the candidate)");
                return ExitCode.UNUSABLE.code();
            }
            printProvenance(a, b);
            System.out.print(c.format(markdown));
            if (!Double.isNaN(failAbove) && c.worstRegressionPercent() > failAbove) {
                System.err.printf(Locale.ROOT, "FAIL: significant regression (after Holm's correction) of %.1f%% exceeds -DfailAbove=%s%%%n",
                        c.worstRegressionPercent(), failAbove);
                return ExitCode.REGRESSION.code();
            }
            return ExitCode.NO_REGRESSION.code();
        } catch (ResultFileException | InvalidPathException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCode.UNUSABLE.code();
        } catch (IOException e) {
            System.err.println("error: cannot write the picture " + picture + ": " + e.getMessage());
            return ExitCode.UNUSABLE.code();
        }
    }

    /** The picture's title: the libraries whose versions differ between the two files' provenance, or the file names. */
    static String title(Path a, Path b) {
        Provenance pa = Provenance.readBeside(a);
        Provenance pb = Provenance.readBeside(b);
        StringBuilder s = new StringBuilder();
        if (pa != null && pb != null) {
            for (String library : pa.libraries().keySet()) {
                String mine = pa.ownVersion(library); // Vert.x does not count as changed because the Netty under it did
                String other = pb.ownVersion(library);
                if (other != null && !other.equals(mine)) {
                    s.append(s.length() == 0 ? "" : ", ").append(library).append(' ').append(mine).append(" (baseline) against ").append(other);
                }
            }
        }
        return s.length() > 0 ? s.toString() : a + " (baseline) against " + b;
    }

    private static void printProvenance(Path a, Path b) {
        Provenance pa = Provenance.readBeside(a);
        Provenance pb = Provenance.readBeside(b);
        if (pa == null || pb == null) {
            System.out.println("note: no provenance file beside " + (pa == null ? a : b)
                    + "; library versions and environment cannot be checked");
            return;
        }
        for (Map.Entry<String, String> e : pa.libraries().entrySet()) {
            String other = pb.libraries().get(e.getKey());
            if (!e.getValue().equals(other)) {
                System.out.println("switched: " + e.getKey() + " " + e.getValue() + " -> " + other);
            }
        }
        for (String d : pa.environmentDifferences(pb)) {
            System.out.println("WARNING: " + d + " — the comparison measures that too");
        }
    }
}
