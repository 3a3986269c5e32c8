package dev.wsbench.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The harness's packages form no cycle: reading any one needs only the ones below it. Dependencies
 * are read from the sources (imports and fully qualified names in code; comments do not count),
 * so a new cycle fails here with the path it takes.
 */
class PackageCyclesTest {
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.wsbench((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    static Map<String, Set<String>> dependencies(Path sources) {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
                Matcher pkg = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;").matcher(code);
                if (!pkg.find()) {
                    continue;
                }
                String from = pkg.group(1);
                Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(code.substring(pkg.end()));
                while (m.find()) {
                    String target = "dev.wsbench" + m.group(1);
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deps;
    }

    /** Every cycle as "a -> b -> ... -> a", found by a depth-first search from each package. */
    static List<String> cycles(Map<String, Set<String>> deps) {
        List<String> found = new ArrayList<>();
        for (String start : deps.keySet()) {
            walk(start, start, new ArrayList<>(List.of(start)), deps, found);
        }
        return found;
    }

    private static void walk(String start, String at, List<String> path, Map<String, Set<String>> deps, List<String> found) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                found.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) { // each cycle once, from its smallest package
                path.add(next);
                walk(start, next, path, deps, found);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void harnessPackagesHaveNoCycle() {
        assertEquals(List.of(), cycles(dependencies(Path.of("src/main/java"))));
    }

    @Test
    void findsACycleWhenThereIsOne() {
        Map<String, Set<String>> deps = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals(List.of("a -> b -> c -> a"), cycles(deps));
    }
}
