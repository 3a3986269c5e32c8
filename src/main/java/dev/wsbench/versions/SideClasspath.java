package dev.wsbench.versions;

import dev.wsbench.library.Library;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class path one side of a comparison runs with: the harness and benchmarks (compiled once)
 * followed by that side's resolved dependencies, or the baseline's with the library's jars
 * swapped for a folder of locally built ones.
 */
public final class SideClasspath {
    private SideClasspath() {
    }

    /** A class-path file as Maven's {@code dependency:build-classpath} writes it (entries joined by the path separator). */
    public static List<Path> read(Path file) {
        String text;
        try {
            text = Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read class-path file " + file + ": " + e.getMessage());
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : text.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("class-path file " + file + " is empty");
        }
        return entries;
    }

    public static String join(List<Path> classpath) {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    /**
     * The baseline's class path with every jar of {@code library} replaced by the jar of the same
     * {@code groupId:artifactId} from {@code dir} (a folder of locally built jars). Jars in the
     * folder that the baseline does not have (a new module) are added after the replaced ones;
     * jars of other libraries in the folder are ignored.
     *
     * @throws IllegalArgumentException when the folder has no jar of the library, or lacks one the
     *         baseline loads (a class path mixing two builds would measure neither)
     */
    public static List<Path> withLocalJars(List<Path> baseline, Library library, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--candidate-jars " + dir + " is not a folder");
        }
        Map<String, Path> local = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                String coordinates = coordinates(jar);
                if (coordinates != null && library.ownsGroup(coordinates.substring(0, coordinates.indexOf(':')))) {
                    local.put(coordinates, jar.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list --candidate-jars " + dir + ": " + e.getMessage());
        }
        if (local.isEmpty()) {
            throw new IllegalArgumentException("--candidate-jars " + dir + " holds no jar of " + library.displayName() + " (group "
                    + library.groupId() + ", read from each jar's META-INF/maven/*/*/pom.properties)");
        }
        List<Path> out = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>();
        Map<String, Path> unused = new LinkedHashMap<>(local);
        for (Path entry : baseline) {
            String coordinates = Files.isRegularFile(entry) ? coordinates(entry) : null;
            if (coordinates == null || !library.ownsGroup(coordinates.substring(0, coordinates.indexOf(':')))) {
                out.add(entry);
            } else if (local.containsKey(coordinates)) {
                out.add(local.get(coordinates));
                unused.remove(coordinates);
            } else {
                missing.add(coordinates);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--candidate-jars " + dir + " lacks " + String.join(", ", missing)
                    + ", which the baseline loads; copy the whole build there (mvn install puts every module under ~/.m2/repository)");
        }
        out.addAll(unused.values());
        return out;
    }

    /** {@code groupId:artifactId} from the jar's Maven metadata, or null when it has none. */
    static String coordinates(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(file.entries())) {
                String name = e.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = file.getInputStream(e)) {
                        p.load(in);
                    }
                    String group = p.getProperty("groupId");
                    String artifact = p.getProperty("artifactId");
                    if (group != null && artifact != null) {
                        return group + ":" + artifact;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jar " + jar, e);
        }
    }
}
