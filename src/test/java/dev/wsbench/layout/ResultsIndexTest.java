package dev.wsbench.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code results/README.md} lists every curated run, current and archived, and every relative link
 * of the README, the docs, the libraries' READMEs and the results' pages points to a file or folder
 * that exists, so a figure the docs quote can always be opened.
 */
class ResultsIndexTest {
    private static final Path RESULTS = Path.of("results");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyCuratedRunIsInTheIndexAndEveryIndexedOneExists() throws IOException {
        String index = Files.readString(RESULTS.resolve("README.md"));
        Set<String> indexed = new TreeSet<>();
        Matcher link = LINK.matcher(index);
        while (link.find()) {
            indexed.add(link.group(1).replaceFirst("/README\\.md$", "").replaceFirst("/$", ""));
        }
        List<String> unlisted = new ArrayList<>();
        for (Path dir : List.of(RESULTS, RESULTS.resolve("archive"))) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.map(p -> RESULTS.relativize(p).toString())
                        .filter(name -> !name.equals("README.md") && !name.equals("archive") && !name.equals("runs"))
                        .filter(name -> indexed.stream().noneMatch(i -> name.equals(i) || sameRun(name, i)))
                        .forEach(unlisted::add);
            }
        }
        assertEquals(List.of(), unlisted, "curated runs missing from results/README.md (list them, or move them to results/archive/ and list them there)");
    }

    /** A run's companion files ({@code X.json}, {@code X.provenance.json}, {@code X-report/}, charts) go with its listed {@code X.md}. */
    private static boolean sameRun(String name, String listed) {
        String stem = listed.replaceFirst("\\.md$", "");
        return listed.endsWith(".md") && (name.startsWith(stem + ".") || name.startsWith(stem + "-"));
    }

    @Test
    void everyRelativeLinkOfTheDocsPointsToSomethingThatExists() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        for (String root : List.of("docs", "results", "src/main/java/dev/wsbench/library")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(p -> p.getFileName().toString().endsWith(".md")).filter(p -> !p.startsWith(RESULTS.resolve("runs"))).forEach(pages::add);
            }
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a web address or an anchor in the same page
                }
                Path file = page.toAbsolutePath().getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + ": " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "links that point nowhere");
    }
}
