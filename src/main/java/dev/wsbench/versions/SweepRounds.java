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
 * in a seeded random order. Sequential forks run in a random order; parallel forks (two CPUs or
 * more, as {@code bin/compare-versions}' pairs) two at a time, each on a CPU of its own, adjacent
 * versions side by side ({@link #adjacentPairs}), the pairs in a random order; a fork left without
 * a partner gets a filler fork beside it (a random version of the round, not counted), so that every
 * counted fork ran beside another, as the others did.
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
    private static final String ORDER_HEADER = "round\trow\tbenchmark\tversion\tcpus\tsample\tunit\tseconds\n";
    private final StringBuilder order = new StringBuilder(ORDER_HEADER);

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
            if (pool == null) {
                Collections.shuffle(running, random);
                for (Version v : running) {
                    finish(r, v, round, tag, attempt(r, v, round, tag, null, true), totalRounds);
                }
                continue;
            }
            for (List<Version> pair : adjacentPairs(running, round, random)) {
                Version a = pair.get(0);
                boolean counted = pair.size() > 1; // else the second is a filler
                Version b = counted ? pair.get(1) : running.get(random.nextInt(running.size()));
                boolean swap = random.nextBoolean();
                List<Integer> cpuA = swap ? secondCpu : firstCpu;
                List<Integer> cpuB = swap ? firstCpu : secondCpu;
                Future<Object> fa = pool.submit(() -> attempt(r, a, round, tag, cpuA, true));
                Future<Object> fb = pool.submit(() -> attempt(r, b, round, counted ? tag : tag + "filler-", cpuB, counted));
                finish(r, a, round, tag, get(fa), totalRounds);
                Object other = get(fb);
                if (counted) {
                    finish(r, b, round, tag, other, totalRounds);
                }
            }
        }
    }

    /**
     * The order of a parallel round, two forks at a time: adjacent versions side by side, so that a
     * step's two forks share the machine's state of the moment, as a comparison's pair does. Odd
     * rounds pair (1, 2), (3, 4), ..., even rounds (0, 1), (2, 3), ...: every step runs side by side
     * in every other round. The versions left over (the first and the last) go together; the pairs
     * in a random order, and the CPUs drawn per pair.
     */
    static List<List<Version>> adjacentPairs(List<Version> versions, int round, Random random) {
        List<List<Version>> pairs = new ArrayList<>();
        List<Version> left = new ArrayList<>();
        int offset = round % 2;
        if (offset == 1 && !versions.isEmpty()) {
            left.add(versions.get(0));
        }
        int i = offset;
        for (; i + 1 < versions.size(); i += 2) {
            pairs.add(new ArrayList<>(List.of(versions.get(i), versions.get(i + 1))));
        }
        if (i < versions.size()) {
            left.add(versions.get(i));
        }
        if (!left.isEmpty()) {
            pairs.add(left);
        }
        Collections.shuffle(pairs, random);
        return pairs;
    }

    /** Runs one fork: its {@link ForkRunner.Fork}, or the {@link UsageException} that says why it failed; a filler is not counted. */
    private Object attempt(int row, Version v, int round, String tag, List<Integer> cpus, boolean counted) {
        String name = String.format(Locale.ROOT, "%s%s-row%02d-round%02d", tag, ComparisonRequest.safe(v.label()), row + 1, round);
        try {
            ForkRunner.Fork f = runner.run(rows.get(row), v.label(), v.classpath(), 0, name, cpus);
            synchronized (order) {
                order.append(round).append('\t').append(row + 1).append('\t').append(rows.get(row)).append('\t').append(v.label())
                        .append(counted ? "" : " (filler, not counted)").append('\t').append(cpus == null ? "any" : CpuAffinity.list(cpus))
                        .append('\t').append(f.sample()).append('\t').append(f.unit()).append('\t')
                        .append(String.format(Locale.ROOT, "%.1f", f.seconds())).append('\n');
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

    String orderTsv() {
        return order.toString();
    }

    /** Clears the forks and their order (not the failures) for a new set of versions: a bisection's next step. */
    void clearForks() {
        forks.forEach(Map::clear);
        synchronized (order) {
            order.setLength(0);
            order.append(ORDER_HEADER);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
