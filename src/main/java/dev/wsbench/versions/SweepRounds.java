package dev.wsbench.versions;

import com.google.gson.JsonObject;
import dev.wsbench.Arguments.UsageException;
import dev.wsbench.placement.CpuAffinity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The rounds of a release sweep: in every round, every version runs one fork of every row, the rows
 * and, within a row, the versions in a seeded random order. With parallel forks (two CPUs or more,
 * as {@code bin/compare-versions}' pairs) the forks of a row run two at a time, each on a CPU of its
 * own; a row with an odd number of versions gets a filler fork (a random version of the round, not
 * counted) beside its last one, so that every counted fork ran beside another, as the others did.
 * A fork that fails leaves its version out of that row from then on, with the reason; the other
 * versions keep their results.
 */
final class SweepRounds implements AutoCloseable {
    /** One version as the sweep runs it: a unique label (a repeated version gets {@code #2}), its Maven version and class path. */
    record Version(String label, String version, List<Path> classpath) {
    }

    private final ForkRunner runner;
    private final List<BenchmarkRow> rows;
    private final List<Integer> firstCpu;
    private final List<Integer> secondCpu;
    private final ExecutorService pool;
    private final Random random;
    /** Per row, per version label, its forks in round order. */
    private final List<Map<String, List<JsonObject>>> forks = new ArrayList<>();
    /** Per row, per version label, why it was left out. */
    private final List<Map<String, String>> failed = new ArrayList<>();
    private final StringBuilder order = new StringBuilder("round\trow\tbenchmark\tversion\tcpus\tsample\tunit\tseconds\n");
    private double seconds;
    private int done;

    SweepRounds(ForkRunner runner, List<BenchmarkRow> rows, boolean parallel, List<Integer> cpus, long seed) {
        this.runner = runner;
        this.rows = rows;
        this.firstCpu = parallel ? List.of(cpus.get(cpus.size() - 2)) : null;
        this.secondCpu = parallel ? List.of(cpus.get(cpus.size() - 1)) : null;
        this.pool = parallel ? Executors.newFixedThreadPool(2) : null;
        this.random = new Random(seed);
        for (int r = 0; r < rows.size(); r++) {
            forks.add(new LinkedHashMap<>());
            failed.add(new LinkedHashMap<>());
        }
    }

    /** How forks are placed, for the console and the provenance. */
    String describe() {
        return pool == null ? "sequential forks, one at a time in a random order"
                : "parallel forks, two at a time on CPU " + CpuAffinity.list(firstCpu) + " and CPU " + CpuAffinity.list(secondCpu)
                        + " (an odd one out beside an uncounted filler fork)";
    }

    /**
     * One round of {@code versions} over the rows {@code rowIndexes}: every version that still works
     * on a row runs one fork of it.
     *
     * @param tag names this round's forks (a bisection's step)
     * @param round the 1-based round number, for names and progress
     */
    void round(String tag, int round, List<Integer> rowIndexes, List<Version> versions, int totalRounds) {
        List<Integer> order = new ArrayList<>(rowIndexes);
        Collections.shuffle(order, random);
        for (int r : order) {
            List<Version> running = new ArrayList<>(versions.stream().filter(v -> !failed.get(r).containsKey(v.label())).toList());
            Collections.shuffle(running, random);
            if (pool == null) {
                for (Version v : running) {
                    finish(r, v, round, tag, attempt(r, v, round, tag, null), totalRounds);
                }
                continue;
            }
            for (int i = 0; i < running.size(); i += 2) {
                Version a = running.get(i);
                Version b = i + 1 < running.size() ? running.get(i + 1) : null;
                Version filler = b != null ? null : versions.get(random.nextInt(versions.size()));
                boolean swap = random.nextBoolean();
                List<Integer> cpuA = swap ? secondCpu : firstCpu;
                List<Integer> cpuB = swap ? firstCpu : secondCpu;
                Future<Object> fa = pool.submit(() -> attempt(r, a, round, tag, cpuA));
                Version second = b != null ? b : filler;
                String secondTag = b != null ? tag : tag + "filler-";
                Future<Object> fb = pool.submit(() -> attempt(r, second, round, secondTag, cpuB));
                finish(r, a, round, tag, get(fa), totalRounds);
                Object other = get(fb);
                if (b != null) {
                    finish(r, b, round, tag, other, totalRounds);
                }
            }
        }
    }

    /** Runs one fork: its {@link ForkRunner.Fork}, or the {@link UsageException} that says why it failed. */
    private Object attempt(int row, Version v, int round, String tag, List<Integer> cpus) {
        String name = String.format(Locale.ROOT, "%s%s-row%02d-round%02d", tag, v.label().replaceAll("[^A-Za-z0-9._-]", "_"), row + 1, round);
        try {
            ForkRunner.Fork f = runner.run(rows.get(row), v.label(), v.classpath(), 0, name, cpus);
            synchronized (order) {
                order.append(round).append('\t').append(row + 1).append('\t').append(rows.get(row)).append('\t').append(v.label()).append('\t')
                        .append(cpus == null ? "any" : CpuAffinity.list(cpus)).append('\t').append(f.sample()).append('\t').append(f.unit())
                        .append('\t').append(String.format(Locale.ROOT, "%.1f", f.seconds())).append('\n');
            }
            return f;
        } catch (UsageException e) {
            return e;
        }
    }

    private void finish(int row, Version v, int round, String tag, Object outcome, int totalRounds) {
        if (outcome instanceof UsageException e) {
            failed.get(row).put(v.label(), "failed in round " + round + ": " + e.getMessage());
            forks.get(row).remove(v.label());
            System.out.printf(Locale.ROOT, "%s round %d: %s left out of %s: %s%n", tag, round, v.label(), rows.get(row), e.getMessage());
            return;
        }
        ForkRunner.Fork f = (ForkRunner.Fork) outcome;
        forks.get(row).computeIfAbsent(v.label(), k -> new ArrayList<>()).add(f.json());
        seconds += pool == null ? f.seconds() : f.seconds() / 2;
        done++;
        System.out.printf(Locale.ROOT, "[%s round %d/%d] %s %s: %.4g %s (%.1f s)%n", tag.isEmpty() ? "sweep" : tag.substring(0, tag.length() - 1),
                round, totalRounds, rows.get(row), v.label(), f.sample(), f.unit(), f.seconds());
    }

    private static Object get(Future<Object> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while waiting for a fork");
        }
    }

    /** Per row of this version, its forks in round order (empty rows for those it was left out of). */
    List<List<JsonObject>> forksOf(String label) {
        List<List<JsonObject>> out = new ArrayList<>();
        for (Map<String, List<JsonObject>> byVersion : forks) {
            out.add(byVersion.getOrDefault(label, List.of()));
        }
        return out;
    }

    /** Per row key, the versions left out and why. */
    Map<String, Map<String, String>> failures() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            if (!failed.get(r).isEmpty()) {
                out.put(rows.get(r).key(), failed.get(r));
            }
        }
        return out;
    }

    /** Fork seconds counted so far, halved for parallel forks: about the wall time a fork costs. */
    double secondsPerFork() {
        return done == 0 ? 0 : seconds / done;
    }

    String orderTsv() {
        return order.toString();
    }

    /** Clears the forks (not the failures) for a new set of versions: a bisection's next step. */
    void clearForks() {
        forks.forEach(Map::clear);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
