package dev.wsbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The {@code -p} options checked against the benchmarks' real {@code @Param} fields before JMH
 * runs: JMH on its own ignores a {@code -p} whose name no benchmark has (a typo silently runs the
 * defaults) and reports an unknown enum value as a stack trace from inside the fork.
 */
public final class ParamCheck {
    private ParamCheck() {
    }

    /** Returns a description of the first bad {@code -p} option, or null if all are valid. */
    public static String check(String[] args) throws IOException {
        Map<String, List<String>> given;
        try {
            given = given(args);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (given.isEmpty()) {
            return null;
        }
        Map<String, Field> fields = paramFields();
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            Field field = fields.get(e.getKey());
            if (field == null) {
                return "no benchmark has a parameter '" + e.getKey() + "'; parameters: " + String.join(", ", new TreeSet<>(fields.keySet()));
            }
            if (field.getType().isEnum()) {
                List<String> known = Arrays.stream(field.getType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toList());
                for (String value : e.getValue()) {
                    if (!known.contains(value)) {
                        return "unknown value '" + value + "' for -p " + e.getKey() + "; known: " + String.join(", ", known);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The {@code -p name=value[,value...]} options, values of a repeated name added up (as JMH does).
     *
     * @throws IllegalArgumentException for a {@code -p} without {@code name=}
     */
    public static Map<String, List<String>> given(String[] args) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-p")) {
                String spec = args[i + 1];
                int eq = spec.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("-p expects name=value[,value...], got '" + spec + "'");
                }
                given.computeIfAbsent(spec.substring(0, eq), k -> new ArrayList<>()).addAll(Arrays.asList(spec.substring(eq + 1).split(",")));
            }
        }
        return given;
    }

    /** Every {@code @Param} field of every listed benchmark class, its nested state classes and superclasses, by name. */
    private static Map<String, Field> paramFields() throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        List<BenchmarkListEntry> entries;
        try (InputStream in = ParamCheck.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in == null) {
                throw new IOException("no " + BenchmarkList.BENCHMARK_LIST + " on the class path: benchmarks were not compiled"
                        + " (the JMH annotation processor did not run)");
            }
            entries = BenchmarkList.readBenchmarkList(in);
        }
        for (BenchmarkListEntry entry : entries) {
            Class<?> benchmark;
            try {
                benchmark = Class.forName(entry.getUserClassQName(), false, ParamCheck.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue;
            }
            // The benchmark class, its nested classes, the state classes its methods take as
            // parameters (such as ServerState), and all their superclasses.
            Set<Class<?>> classes = new LinkedHashSet<>();
            Deque<Class<?>> pending = new ArrayDeque<>(List.of(benchmark));
            while (!pending.isEmpty()) {
                Class<?> c = pending.pop();
                if (c == null || c == Object.class || !classes.add(c)) {
                    continue;
                }
                pending.push(c.getSuperclass());
                pending.addAll(Arrays.asList(c.getDeclaredClasses()));
                for (Method m : c.getDeclaredMethods()) {
                    for (Class<?> p : m.getParameterTypes()) {
                        if (p.isAnnotationPresent(State.class)) {
                            pending.add(p);
                        }
                    }
                }
            }
            for (Class<?> c : classes) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(Param.class)) {
                        fields.putIfAbsent(f.getName(), f);
                    }
                }
            }
        }
        return fields;
    }
}
