package dev.wsbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code java -jar target/benchmarks.jar}: what {@code mvn jmh:run} would pass JMH. */
class BenchmarksJarTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 14, 5, 6);

    @TempDir
    Path dir;

    /** The sets as the jar reads them: the project's pom, whose jmh.set.* properties the plugin also passes. */
    private static Properties pomSets() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("pom.xml"))) {
            return BenchmarksJar.setsOf(in);
        }
    }

    @Test
    void readsEverySetOfThePom() throws Exception {
        Set<String> declared = new TreeSet<>();
        Matcher m = Pattern.compile("<(" + Pattern.quote(JmhArgs.SET_PREFIX) + "[\\w-]+)>").matcher(Files.readString(Path.of("pom.xml")));
        while (m.find()) {
            declared.add(m.group(1));
        }
        Properties sets = pomSets();
        assertEquals(declared, sets.stringPropertyNames());
        assertTrue(BenchmarksJar.describe(sets).startsWith(BenchmarksJar.DEFAULT_SET + ": "), BenchmarksJar.describe(sets));
    }

    @Test
    void noArgumentsRunTheDefaultSetWithTheSuitesOptions() throws Exception {
        Properties sets = pomSets();
        List<String> args = Arrays.asList(BenchmarksJar.jmhArgs(new String[] {JmhLauncher.RESULTS_DIR, dir.toString()}, sets, NOW));
        List<String> expected = JmhArgs.withSuiteOptions(JmhArgs.ofSet(BenchmarksJar.DEFAULT_SET, sets), dir.resolve("jmh-20261203-140506").toString());
        assertEquals(expected, args);
        assertEquals("true", JmhArgs.valueOf(args, "-foe"));
        assertTrue(args.contains(JmhArgs.CPU_PROFILER), "the CPU profiler: " + args);
    }

    @Test
    void aNamedSetOrJmhsOwnOptions() throws Exception {
        Properties sets = pomSets();
        String[] frames = BenchmarksJar.jmhArgs(new String[] {JmhLauncher.RESULTS_DIR, dir.toString(), BenchmarksJar.SET, "frames"}, sets, NOW);
        assertEquals(JmhArgs.ofSet("frames", sets).get(0), frames[0]);
        String[] own = BenchmarksJar.jmhArgs(new String[] {JmhLauncher.RESULTS_DIR, dir.toString(), "Masking", "-f", "1"}, sets, NOW);
        assertEquals(List.of("Masking", "-f", "1"), Arrays.asList(own).subList(0, 3));
        assertEquals(dir.resolve("jmh-20261203-140506.json").toString(), JmhArgs.valueOf(Arrays.asList(own), "-rff"));
        assertTrue(Files.isDirectory(dir), "the results folder is made");
    }

    @Test
    void listingsPassUnchanged() throws Exception {
        assertArrayEquals(new String[] {"-l"}, BenchmarksJar.jmhArgs(new String[] {"-l"}, pomSets(), NOW));
        assertArrayEquals(new String[] {"Echo", "-lp"}, BenchmarksJar.jmhArgs(new String[] {"Echo", "-lp"}, pomSets(), NOW));
    }

    @Test
    void aMissingOrUnknownSetIsOneLineNamingTheSets() throws Exception {
        Properties sets = pomSets();
        String missing = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksJar.jmhArgs(new String[] {BenchmarksJar.SET}, sets, NOW)).getMessage();
        assertTrue(missing.contains("default, frames, full"), missing);
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> BenchmarksJar.jmhArgs(new String[] {BenchmarksJar.SET, "nope"}, sets, NOW)).getMessage();
        assertTrue(unknown.contains("unknown benchmark set 'nope'") && unknown.contains("regression"), unknown);
        assertThrows(IllegalArgumentException.class, () -> BenchmarksJar.jmhArgs(new String[] {JmhLauncher.RESULTS_DIR}, sets, NOW));
    }
}
