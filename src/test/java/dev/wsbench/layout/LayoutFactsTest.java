package dev.wsbench.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.library.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the README and the docs say about the layout and the libraries follows the code: each library
 * of the registry has its package with a README.md of its deviations, linked from the README; every
 * package of the harness is in the development guide's layout; the libraries the docs list are the
 * registry's. Adding a library or a package without its line fails here, not in a reader's hands.
 */
class LayoutFactsTest {
    private static final Path HARNESS = Path.of("src/main/java/dev/wsbench");

    /** A library's package: its script name without the dash ({@code java-websocket} is {@code javawebsocket}). */
    static String packageOf(Library library) {
        return library.cliName().replace("-", "");
    }

    @Test
    void everyLibraryHasItsPackageWithItsDeviationsLinkedFromTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> linked = new TreeSet<>();
        Matcher link = Pattern.compile("\\]\\(src/main/java/dev/wsbench/library/([a-z]+)/README\\.md\\)").matcher(readme);
        while (link.find()) {
            linked.add(link.group(1));
        }
        Set<String> packages = Arrays.stream(Library.values()).map(LayoutFactsTest::packageOf).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(packages, linked, "the README's deviations section links each library's README.md, and only those");
        for (Library library : Library.values()) {
            Path facts = HARNESS.resolve("library").resolve(packageOf(library)).resolve("README.md");
            assertTrue(Files.isRegularFile(facts), library + ": " + facts + " is missing");
            String text = Files.readString(facts);
            assertTrue(text.startsWith("# " + library.displayName() + ":"), facts + " starts with its library's name");
            assertTrue(text.contains("| side | deviation | why |"), facts + " has the deviations table");
        }
    }

    @Test
    void everyHarnessPackageIsInTheDevelopmentGuidesLayout() throws IOException {
        String guide = Files.readString(Path.of("docs/development.md"));
        String section = guide.substring(guide.indexOf("## Layout"));
        String layout = section.substring(0, section.indexOf("\n## ", 4));
        List<String> missing;
        try (Stream<Path> dirs = Files.list(HARNESS)) {
            missing = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(name -> !Pattern.compile("(?m)^\\s+" + Pattern.quote(name) + "/").matcher(layout).find())
                    .sorted().toList();
        }
        assertEquals(List.of(), missing, "packages of " + HARNESS + " missing from docs/development.md's layout");
    }

    @Test
    void theLibrariesTheComparisonDocsListAreTheRegistrys() throws IOException {
        String doc = Files.readString(Path.of("docs/comparing-versions.md"));
        Matcher sentence = Pattern.compile("`LIBRARY` is a library of the registry: (.*?) \\(", Pattern.DOTALL).matcher(doc);
        assertTrue(sentence.find(), "docs/comparing-versions.md names the libraries LIBRARY takes");
        Set<String> listed = new TreeSet<>();
        Matcher name = Pattern.compile("`([a-z-]+)`").matcher(sentence.group(1));
        while (name.find()) {
            listed.add(name.group(1));
        }
        Set<String> registry = Arrays.stream(Library.values()).map(Library::cliName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registry, listed, "docs/comparing-versions.md lists the registry's libraries");
    }
}
