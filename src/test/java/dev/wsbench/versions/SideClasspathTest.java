package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.library.Library;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideClasspathTest {
    @TempDir
    Path dir;

    /** The test's own class path (surefire passes it in a property; its java.class.path is a manifest jar). */
    static List<Path> testClasspath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(Path.of(e));
            }
        }
        return out;
    }

    /** Copies the jars of {@code library} from the local Maven repository (as the test's class path has them) into {@code into}. */
    static List<Path> copyJars(Library library, Path into) throws Exception {
        List<Path> copied = new ArrayList<>();
        for (Path p : testClasspath()) {
            String c = Files.isRegularFile(p) ? SideClasspath.coordinates(p) : null;
            if (c != null && library.ownsGroup(c.substring(0, c.indexOf(':')))) {
                copied.add(Files.copy(p, into.resolve(p.getFileName())));
            }
        }
        return copied;
    }

    @Test
    void aFolderOfLocalJarsReplacesExactlyTheLibrarysJars() throws Exception {
        List<Path> baseline = testClasspath();
        List<Path> copied = copyJars(Library.NETTY, dir);
        assertTrue(copied.size() >= 5, "netty-codec-http and its modules: " + copied);
        List<Path> candidate = SideClasspath.withLocalJars(baseline, Library.NETTY, dir);
        assertEquals(baseline.size(), candidate.size());
        for (int i = 0; i < baseline.size(); i++) {
            Path b = baseline.get(i);
            Path c = candidate.get(i);
            if (copied.stream().anyMatch(j -> j.getFileName().equals(b.getFileName()))) {
                assertEquals(dir.resolve(b.getFileName()).toAbsolutePath(), c, "a Netty jar comes from the folder");
            } else {
                assertEquals(b, c, "everything else stays");
            }
        }
    }

    @Test
    void aFolderMissingOneOfTheLibrarysJarsIsRefusedByName() throws Exception {
        List<Path> copied = copyJars(Library.NETTY, dir);
        Path buffer = copied.stream().filter(p -> p.getFileName().toString().startsWith("netty-buffer")).findFirst().orElseThrow();
        Files.delete(buffer);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SideClasspath.withLocalJars(testClasspath(), Library.NETTY, dir));
        assertTrue(e.getMessage().contains("lacks io.netty:netty-buffer"), e.getMessage());
    }

    @Test
    void aFolderWithoutTheLibraryOrNotAFolderIsRefused() throws Exception {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SideClasspath.withLocalJars(testClasspath(), Library.JETTY, dir));
        assertTrue(empty.getMessage().contains("holds no jar of Jetty"), empty.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SideClasspath.withLocalJars(testClasspath(), Library.JETTY, dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("is not a folder"), missing.getMessage());
    }

    @Test
    void readsAndJoinsMavenClasspathFiles() throws Exception {
        Path file = dir.resolve("cp.txt");
        Files.writeString(file, "/a/x.jar:/b/y.jar\n");
        assertEquals(List.of(Path.of("/a/x.jar"), Path.of("/b/y.jar")), SideClasspath.read(file));
        assertEquals("/a/x.jar:/b/y.jar", SideClasspath.join(SideClasspath.read(file)));
        Files.writeString(dir.resolve("empty.txt"), "\n");
        assertThrows(IllegalArgumentException.class, () -> SideClasspath.read(dir.resolve("empty.txt")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SideClasspath.read(dir.resolve("absent.txt")));
        assertFalse(e.getMessage().isBlank());
    }
}
