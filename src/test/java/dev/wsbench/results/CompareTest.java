package dev.wsbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {
    @TempDir
    Path dir;

    /** A JMH result with {@code samples} as the iteration scores of one fork. */
    static String result(String mode, double[] samples) {
        String raw = DoubleStream.of(samples).mapToObj(Double::toString).collect(Collectors.joining(","));
        return "{\"benchmark\":\"dev.wsbench.jmh.EchoBenchmark.roundTrip\",\"mode\":\"" + mode + "\","
                + "\"params\":{\"server\":\"NETTY\",\"size\":\"256\"},\"primaryMetric\":{\"score\":1,\"scoreError\":\"NaN\","
                + "\"scoreUnit\":\"" + ("thrpt".equals(mode) ? "ops/s" : "us/op") + "\",\"rawData\":[[" + raw + "]]}}";
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    static double[] normal(int n, double mean, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            out[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return out;
    }

    private static Comparison compare(String mode, double[] a, double[] b) {
        return Comparison.of(JmhResultFileTest.parse(result(mode, a)), JmhResultFileTest.parse(result(mode, b)));
    }

    @Test
    void reportsAKnownShiftAsSignificantWithDirection() {
        double[] base = normal(30, 100, 2, 1);
        double[] slower = normal(30, 110, 2, 2);
        Comparison time = compare("avgt", base, slower);
        Comparison.Row row = time.rows().get(0);
        assertTrue(row.p() < 0.001, "p=" + row.p());
        assertEquals(10, row.changePercent(), 2.5);
        assertTrue(row.regression(), "more time per operation is worse");
        Comparison throughput = compare("thrpt", base, slower);
        assertFalse(throughput.rows().get(0).regression(), "more operations per second is better");
        assertTrue(time.format(false).contains("(worse)"));
    }

    @Test
    void identicalDistributionsAreShownAsNoDifference() {
        double[] a = normal(30, 100, 2, 3);
        Comparison c = compare("thrpt", a, a.clone());
        assertEquals(1.0, c.rows().get(0).p(), 1e-9);
        assertTrue(c.format(false).lines().anyMatch(l -> l.contains("EchoBenchmark.roundTrip") && l.contains(" ~ ")), c.format(false));
        assertEquals(0.0, c.geomeanImprovementPercent(), 1e-9);
    }

    @Test
    void exactPValueMatchesScipysDocumentedExample() {
        // SciPy's mannwhitneyu documentation: males [19, 22, 16, 29, 24] vs females [20, 11, 17, 12],
        // U1 = 17, exact two-sided p = 0.1111 (no ties, small samples: the exact distribution).
        assertEquals(0.1111, Comparison.TEST.test(new double[] {19, 22, 16, 29, 24}, new double[] {20, 11, 17, 12}).getPValue(), 1e-4);
        assertEquals(17, Comparison.TEST.statistic(new double[] {19, 22, 16, 29, 24}, new double[] {20, 11, 17, 12}), 1e-9);
    }

    @Test
    void tiesUseTheNormalApproximationWithTieAndContinuityCorrection() {
        // x = 1 2 2 3 4, y = 2 3 3 5 6: U = 6; with ties the p-value comes from the normal approximation,
        // variance n1*n2/12*((N+1) - sum(t^3-t)/(N(N-1))) and a 0.5 continuity correction, the formula of
        // R's wilcox.test(x, y, exact = FALSE, correct = TRUE): p = 0.19883.
        var r = Comparison.TEST.test(new double[] {1, 2, 2, 3, 4}, new double[] {2, 3, 3, 5, 6});
        assertTrue(r.hasTiedValues());
        assertEquals(6, r.getStatistic(), 1e-9);
        assertEquals(0.19883, r.getPValue(), 1e-5);
    }

    /** One candidate fork settles 12 % higher: its 10 iterations look like 10 pieces of evidence, its median like one. */
    @Test
    void perForkSamplesAreNotFooledByForkLevelOffsets() {
        StringBuilder base = new StringBuilder();
        StringBuilder cand = new StringBuilder();
        double[] baseLevels = {100, 100, 100, 100, 100, 100};
        double[] candLevels = {100, 100, 100, 100, 100, 112};
        for (int f = 0; f < 6; f++) {
            base.append(f == 0 ? "" : ",").append(fork(normal(10, baseLevels[f], 0.2, f)));
            cand.append(f == 0 ? "" : ",").append(fork(normal(10, candLevels[f], 0.2, 10 + f)));
        }
        var a = JmhResultFileTest.parse(result("avgt", new double[0]).replace("[[]]", "[" + base + "]"));
        var b = JmhResultFileTest.parse(result("avgt", new double[0]).replace("[[]]", "[" + cand + "]"));
        assertEquals(6, a.get(0).forkSamples().length);
        assertTrue(Comparison.of(a, b, false).rows().get(0).p() < 0.05, "60 correlated iterations overstate the evidence");
        assertTrue(Comparison.of(a, b, true).rows().get(0).p() > 0.2, "6 fork medians: no significant difference");
    }

    private static String fork(double[] iterations) {
        return "[" + DoubleStream.of(iterations).mapToObj(Double::toString).collect(Collectors.joining(",")) + "]";
    }

    @Test
    void medianIntervalUsesTheBinomialOrderStatistics() {
        assertEquals(0, Comparison.medianCiRank(5), "too few for a 95 % interval");
        assertEquals(1, Comparison.medianCiRank(6)); // [x(1), x(6)]: 96.9 %
        assertEquals(2, Comparison.medianCiRank(10)); // [x(2), x(9)]: 97.9 %
        assertEquals(10, Comparison.medianCiRank(30)); // [x(10), x(21)]: 95.7 %
    }

    @Test
    void fewSamplesAreFlagged() {
        Comparison c = compare("thrpt", new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertTrue(c.format(false).contains("fewer than 10 samples"), c.format(false));
    }

    private int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sink, true, StandardCharsets.UTF_8));
            return Compare.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            lastOutput = sink.toString(StandardCharsets.UTF_8);
        }
    }

    private String lastOutput;

    /** One fork per value, as an interleaved run writes them (fork i of each file is pair i). */
    private static String forks(double... perFork) {
        String raw = Arrays.stream(perFork).mapToObj(v -> "[" + v + "]").collect(Collectors.joining(","));
        return "[" + result("thrpt", new double[] {1}).replace("\"rawData\":[[1.0]]", "\"rawData\":[" + raw + "]") + "]";
    }

    @Test
    void pairedFilesAreComparedPairByPair() throws Exception {
        Path a = file("a.json", forks(100, 120, 90, 110, 105, 95, 100, 115));
        Path b = file("b.json", forks(90, 108, 81, 99, 94.5, 85.5, 90, 103.5)); // every pair exactly 10 % slower
        assertEquals(1, run("--baseline", a.toString(), "--candidate", b.toString(), "--paired", "--fail-above", "3"));
        assertTrue(lastOutput.contains("REGRESSION") && lastOutput.contains("-10.00%"), lastOutput);
        assertEquals(0, run("--baseline", a.toString(), "--candidate", b.toString(), "--paired", "--fail-above", "15"));
        Path shorter = file("c.json", forks(90, 108, 81, 99, 94.5, 85.5, 90));
        assertEquals(2, run("--baseline", a.toString(), "--candidate", shorter.toString(), "--paired"));
        assertTrue(lastOutput.contains("8 baseline forks but 7 candidate forks"), lastOutput);
    }

    @Test
    void badInputsExitWithCodeTwoAndSayWhy() throws Exception {
        Path good = file("good.json", "[" + result("thrpt", normal(10, 5, 1, 4)) + "]");
        assertEquals(2, run("--baseline", file("text.json", "Benchmark Mode Cnt").toString(), "--candidate", good.toString()));
        assertTrue(lastOutput.contains("not JSON"), lastOutput);
        assertEquals(2, run("--baseline", file("empty.json", "[]").toString(), "--candidate", good.toString()));
        assertTrue(lastOutput.contains("no benchmark results"), lastOutput);
        assertEquals(2, run("--baseline", dir.resolve("missing.json").toString(), "--candidate", good.toString()));
        assertTrue(lastOutput.contains("no such file"), lastOutput);
        Path other = file("other.json", "[" + result("avgt", normal(10, 5, 1, 5)) + "]");
        assertEquals(2, run("--baseline", good.toString(), "--candidate", other.toString()));
        assertTrue(lastOutput.contains("no benchmark with the same mode and parameters"), lastOutput);
        assertEquals(2, run("--baseline", good.toString()));
        assertEquals(2, run("--baseline", good.toString(), "--candidate", good.toString(), "--fail-above", "lots"));
    }

    @Test
    void failAboveFailsOnlyOnASignificantRegressionLargerThanIt() throws Exception {
        Path base = file("base.json", "[" + result("thrpt", normal(30, 100, 1, 6)) + "]");
        Path worse = file("worse.json", "[" + result("thrpt", normal(30, 90, 1, 7)) + "]");
        assertEquals(1, run("--baseline", base.toString(), "--candidate", worse.toString(), "--fail-above", "5"));
        assertEquals(0, run("--baseline", base.toString(), "--candidate", worse.toString(), "--fail-above", "15"));
        assertEquals(0, run("--baseline", worse.toString(), "--candidate", base.toString(), "--fail-above", "5"), "an improvement never fails");
        assertEquals(0, run("--baseline", base.toString(), "--candidate", worse.toString(), "--markdown"));
        assertTrue(lastOutput.startsWith("note: no provenance") && lastOutput.contains("| geomean |"), lastOutput);
    }

    @Test
    void aProvenanceWithoutLibrariesIsUnusableInputNotAStackTrace() throws Exception {
        Path base = file("base.json", "[" + result("thrpt", normal(10, 100, 1, 8)) + "]");
        Path cand = file("cand.json", "[" + result("thrpt", normal(10, 100, 1, 9)) + "]");
        file("base.provenance.json", "{\"jdkVersion\":\"17\"}");
        assertEquals(2, run("--baseline", base.toString(), "--candidate", cand.toString()));
        assertTrue(lastOutput.startsWith("error: ") && lastOutput.contains("provenance without \"libraries\"")
                && lastOutput.strip().lines().count() == 1, lastOutput);
        assertEquals("compare result: 2 (unusable input or options, or a fork failed)", dev.wsbench.ExitCode.UNUSABLE.resultLine());
    }

    @Test
    void manyRowsOfNoChangeDoNotFailByChance() {
        // 40 rows, each comparing two samples of the same distribution: uncorrected, about 2 of them
        // fall under p = 0.05; after Holm's correction none may be called a change.
        StringBuilder a = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        int uncorrected = 0;
        for (int row = 0; row < 40; row++) {
            String ra = result("thrpt", normal(10, 100, 5, 1000 + row)).replace("\"size\":\"256\"", "\"size\":\"" + row + "\"");
            String rb = result("thrpt", normal(10, 100, 5, 2000 + row)).replace("\"size\":\"256\"", "\"size\":\"" + row + "\"");
            a.append(row == 0 ? "" : ",").append(ra);
            b.append(row == 0 ? "" : ",").append(rb);
        }
        Comparison c = Comparison.of(parseAll(a + "]"), parseAll(b + "]"));
        for (Comparison.Row r : c.rows()) {
            uncorrected += r.p() < Comparison.ALPHA ? 1 : 0;
            assertFalse(r.significant(), r.key() + " p=" + r.p() + " Holm p=" + r.pAdjusted());
        }
        assertTrue(uncorrected >= 1, "the uncorrected test would have flagged some rows (" + uncorrected + ")");
        assertTrue(c.format(false).contains("Holm"), c.format(false));
    }

    @Test
    void sampleTimeRowsTestOneValuePerIterationNotEveryOperation() {
        // Three iterations of 10000 operations each: 3 samples, not 30000 correlated ones.
        String hist = "[[[10.0,5000],[12.0,5000]],[[11.0,10000]],[[10.5,10000]]]";
        String sample = "{\"benchmark\":\"dev.wsbench.jmh.EchoBenchmark.roundTripLatency\",\"mode\":\"sample\","
                + "\"params\":{\"server\":\"NETTY\",\"size\":\"256\"},\"primaryMetric\":{\"score\":11,\"scoreError\":\"NaN\","
                + "\"scoreUnit\":\"us/op\",\"rawDataHistogram\":[" + hist + "]}}";
        JmhResult r = JmhResultFileTest.parse(sample).get(0);
        assertEquals(3, r.samples().length);
        assertEquals(11.0, r.samples()[0], 1e-9);
        assertEquals(1, r.forkSamples().length);
    }

    private static List<JmhResult> parseAll(String json) {
        try {
            Path f = Files.createTempFile("jmh", ".json");
            Files.writeString(f, json);
            return JmhResultFile.read(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
