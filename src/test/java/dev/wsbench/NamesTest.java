package dev.wsbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.cli.JmhArgs;
import dev.wsbench.scenario.IdleConnectionMemory;
import dev.wsbench.server.ServerInterventions;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The names that tie the parts together exist in the benchmarks: every constant of
 * {@link BenchmarkNames} is a benchmark method in JMH's generated list, every constant of
 * {@link ParamNames} a {@code @Param} field of one, and every set in {@code pom.xml} selects
 * benchmarks and names parameters that exist. Renaming a method or a field fails here.
 */
class NamesTest {

    @Test
    void everyBenchmarkNameIsABenchmarkMethod() throws Exception {
        Set<String> methods = benchmarks();
        List<String> names = constants(BenchmarkNames.class, "PACKAGE");
        assertFalse(names.isEmpty());
        for (String name : names) {
            assertTrue(methods.contains(BenchmarkNames.qualified(name)), name + " is not a benchmark method; the benchmarks are " + methods);
        }
    }

    @Test
    void everyParamNameIsAParamField() throws Exception {
        Set<String> params = params();
        for (String name : constants(ParamNames.class)) {
            assertTrue(params.contains(name), name + " is no @Param field of any benchmark; the parameters are " + params);
        }
    }

    @Test
    void everyPomSetSelectsBenchmarksAndNamesRealParameters() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher set = Pattern.compile("<(" + Pattern.quote(JmhArgs.SET_PREFIX) + "[a-z-]+)>(.*?)</\\1>", Pattern.DOTALL).matcher(pom);
        Set<String> methods = benchmarks();
        Set<String> params = params();
        int sets = 0;
        while (set.find()) {
            sets++;
            List<String> args = JmhArgs.split(set.group(2));
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("-p")) {
                    String name = args.get(++i).split("=", 2)[0];
                    assertTrue(params.contains(name), set.group(1) + ": -p " + name + " is no @Param field; the parameters are " + params);
                } else if (a.startsWith("-")) {
                    i++; // an option's value
                } else {
                    Pattern include = Pattern.compile(a);
                    assertTrue(methods.stream().anyMatch(m -> include.matcher(m).find()), set.group(1) + ": " + a + " selects no benchmark");
                    // split as a shell would: an unquoted \. reaches JMH as . (any character), not the pattern the pom shows
                    assertTrue(set.group(2).contains(a), set.group(1) + ": the pattern reaches JMH as " + a + ", not as written; quote it");
                }
            }
        }
        assertTrue(sets >= 4, "the pom's sets were found (" + sets + ")");
    }

    @Test
    void includeExactlySelectsOnlyItsMethods() throws Exception {
        Pattern p = Pattern.compile(BenchmarkNames.includeExactly(BenchmarkNames.ECHO, BenchmarkNames.PARSING));
        List<String> selected = benchmarks().stream().filter(m -> p.matcher(m).find()).toList();
        assertEquals(List.of(BenchmarkNames.qualified(BenchmarkNames.ECHO), BenchmarkNames.qualified(BenchmarkNames.PARSING)), selected);
    }

    @Test
    void theInterventionCounterIsNamedAfterItsMetric() throws Exception {
        // JMH names an @AuxCounters metric after its field, so the field must carry the metric's name
        Field counter = Class.forName(BenchmarkNames.PACKAGE + "ServerEvents").getField(ServerInterventions.METRIC);
        assertEquals(long.class, counter.getType());
    }

    @Test
    void theMemoryCountersAreNamedAfterTheirMetrics() throws Exception {
        Class<?> counters = Class.forName(BenchmarkNames.PACKAGE + "ConnectionMemoryBenchmark$PerConnection");
        for (String metric : List.of(IdleConnectionMemory.HEAP_METRIC, IdleConnectionMemory.RSS_METRIC)) {
            assertEquals(double.class, counters.getField(metric).getType(), metric);
        }
    }

    private static List<BenchmarkListEntry> entries() throws Exception {
        try (InputStream in = NamesTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            return new ArrayList<>(BenchmarkList.readBenchmarkList(in));
        }
    }

    private static Set<String> benchmarks() throws Exception {
        Set<String> out = new TreeSet<>();
        entries().forEach(e -> out.add(e.getUsername()));
        return out;
    }

    private static Set<String> params() throws Exception {
        Set<String> out = new TreeSet<>();
        entries().forEach(e -> out.addAll(e.getParams().orElse(java.util.Map.of()).keySet()));
        return out;
    }

    private static List<String> constants(Class<?> holder, String... except) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : holder.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !List.of(except).contains(f.getName())) {
                out.add((String) f.get(null));
            }
        }
        return out;
    }
}
