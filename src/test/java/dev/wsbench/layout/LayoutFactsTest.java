package dev.wsbench.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.library.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the README and the docs say about the layout and the libraries follows the code: each library
 * of the registry has its package with a README.md of its deviations (the README points to the
 * packages, so adding a library does not touch it); every package of the harness is in the
 * development guide's layout. Adding a library or a package without its line fails here.
 */
class LayoutFactsTest {
    private static final Path HARNESS = Path.of("src/main/java/dev/wsbench");

    /** A library's package: its script name without the dash ({@code java-websocket} is {@code javawebsocket}). */
    static String packageOf(Library library) {
        return library.cliName().replace("-", "");
    }

    @Test
    void everyLibraryHasItsPackageWithItsDeviations() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("](src/main/java/dev/wsbench/library/)"), "the README's deviations section points to the library packages");
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
}
