package dev.wsbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhArgsTest {
    @TempDir
    Path dir;

    @Test
    void splitsAsAShellWould() {
        assertEquals(List.of("EchoBenchmark", "-p", "size=256"), JmhArgs.split("  EchoBenchmark\n\t-p size=256  "));
        assertEquals(List.of("-jvmArgsPrepend", "-Da=1 -Db=2", "x"), JmhArgs.split("-jvmArgsPrepend \"-Da=1 -Db=2\" x"));
        assertEquals(List.of("it's", "a\"b", "c d"), JmhArgs.split("'it'\\''s' \"a\\\"b\" c\\ d"));
        assertEquals(List.of("", "x"), JmhArgs.split("'' x"), "an empty quoted argument stays");
        assertEquals(List.of(), JmhArgs.split(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhArgs.split("-p 'size=256"));
        assertTrue(e.getMessage().startsWith("unbalanced ' quote"), e.getMessage());
    }

    @Test
    void addsFailOnErrorAndAResultFileUnlessGiven() {
        assertEquals(List.of("Echo", "-foe", "true", "-prof", "dev.wsbench.placement.CpuProfiler", "-rf", "json", "-rff", "out/jmh-1.json"),
                JmhArgs.withSuiteOptions(List.of("Echo"), "out/jmh-1"));
        assertEquals(List.of("Echo", "-foe", "false", "-rf", "csv", "-prof", "dev.wsbench.placement.CpuProfiler", "-rff", "out/jmh-1.csv"),
                JmhArgs.withSuiteOptions(List.of("Echo", "-foe", "false", "-rf", "csv"), "out/jmh-1"));
        assertEquals(List.of("-rf", "text", "-foe", "true", "-prof", "dev.wsbench.placement.CpuProfiler", "-rff", "out/jmh-1.txt"), JmhArgs.withSuiteOptions(List.of("-rf", "text"), "out/jmh-1"));
        assertEquals(List.of("-rff", "mine.json", "-prof", "dev.wsbench.placement.CpuProfiler", "-foe", "true", "-rf", "json"),
                JmhArgs.withSuiteOptions(List.of("-rff", "mine.json", "-prof", "dev.wsbench.placement.CpuProfiler"), "x"));
    }

    @Test
    void setsComeFromPropertiesAndAnUnknownOneNamesTheKnown() {
        Properties p = new Properties();
        p.setProperty("jmh.set.default", "\n  ^dev\\.wsbench\\.jmh\\.Echo\n  -p placement=FREE,ONE_CPU\n");
        p.setProperty("jmh.set.frames", "Masking");
        p.setProperty("other", "x");
        assertEquals(List.of("^dev.wsbench.jmh.Echo", "-p", "placement=FREE,ONE_CPU"), JmhArgs.ofSet("default", p),
                "a backslash escapes the next character, as in a shell: the sets' \\. reach JMH as . (which matches a dot too)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhArgs.ofSet("fast", p));
        assertEquals("unknown benchmark set 'fast'; sets defined in pom.xml (jmh.set.NAME properties): default, frames", e.getMessage());
    }

    @Test
    void launcherTakesThePluginsFormAndPassesJmhsOwnUnchanged() {
        Properties sets = new Properties();
        sets.setProperty("jmh.set.default", "Echo -p size=256");
        LocalDateTime t = LocalDateTime.of(2026, 11, 26, 7, 5, 9);
        String[] fromSet = JmhLauncher.jmhArgs(new String[] {"--results-dir", dir.toString(), "--set", "default"}, sets, t);
        assertArrayEquals(new String[] {"Echo", "-p", "size=256", "-foe", "true", "-prof", "dev.wsbench.placement.CpuProfiler", "-rf", "json", "-rff",
            dir.resolve("jmh-20261126-070509.json").toString()}, fromSet);
        String[] fromArgs = JmhLauncher.jmhArgs(new String[] {"--results-dir", dir.toString(), "--args", "Raw -rff r.json"}, sets, t);
        assertArrayEquals(new String[] {"Raw", "-rff", "r.json", "-foe", "true", "-prof", "dev.wsbench.placement.CpuProfiler", "-rf", "json"}, fromArgs);
        String[] direct = {"Echo", "-f", "1"};
        assertArrayEquals(direct, JmhLauncher.jmhArgs(direct, sets, t));
        assertThrows(IllegalArgumentException.class, () -> JmhLauncher.jmhArgs(new String[] {"--results-dir", "x", "--set"}, sets, t));
    }
}
