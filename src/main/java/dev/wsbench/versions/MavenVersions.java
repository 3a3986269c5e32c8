package dev.wsbench.versions;

import dev.wsbench.Arguments.UsageException;
import dev.wsbench.library.Library;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Maven knows of a library's versions, asked through Maven itself so that its settings,
 * mirrors and local installs count: the published releases between two versions (the repositories'
 * version metadata, which Maven reads to resolve a version range), and one version's class path
 * (the suite's pom with the library's version property set, as {@code bin/compare-versions} does).
 */
final class MavenVersions {
    /** Maven's slowest step here is a first download of a version's jars; past this a resolution fails naming it. */
    static final long MAVEN_TIMEOUT_SECONDS = 600;
    private static final Pattern VERSION = Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");

    /** A version's class path (harness first), or why Maven could not give one. */
    record Resolved(String version, List<Path> classpath, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private final Path pom;
    private final Path work;
    private final Library library;
    private final Map<String, String> fixed;

    /**
     * @param pom the suite's pom
     * @param work a folder for Maven's output and the class-path files
     * @param library the library whose versions change
     * @param fixed further properties every resolution sets (a framework's version when the swept library runs under it)
     */
    MavenVersions(Path pom, Path work, Library library, Map<String, String> fixed) throws IOException {
        this.pom = pom;
        this.work = Files.createDirectories(work).toAbsolutePath(); // Maven reads relative paths against the pom it is given
        this.library = library;
        this.fixed = fixed;
    }

    /**
     * The versions from {@code from} to {@code to}, both included, in Maven's order; pre-releases
     * between them only when asked.
     *
     * @throws UsageException naming what was wrong: an end that is not published (with the nearest
     *         versions), the ends in the wrong order, or Maven finding no version at all
     */
    List<String> releases(String from, String to, boolean preReleases) {
        if (VersionOrder.INSTANCE.compare(from, to) >= 0) {
            throw new UsageException(from + " is not older than " + to + " in Maven's order; give the older version first");
        }
        TreeSet<String> all = published("[" + from + "," + to + "]");
        for (String end : List.of(from, to)) {
            if (!all.contains(end)) {
                throw new UsageException(library.displayName() + " has no published version " + end + " (" + library.probeArtifact()
                        + "); nearest: " + nearest(all, end));
            }
        }
        List<String> out = new ArrayList<>();
        for (String v : all.subSet(from, true, to, true)) {
            if (preReleases || !VersionOrder.isPreRelease(v) || v.equals(from) || v.equals(to)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * The newest published release (no pre-release, no snapshot) of the line {@code line}
     * ({@code 4.2}: versions 4.2 and 4.2.*), what a pull request on that line is compared with.
     *
     * @throws UsageException when Maven knows no release of that line, naming the newest version it knows
     */
    String lastRelease(String line) {
        TreeSet<String> all = published("[" + line + ",)");
        String last = null;
        for (String v : all) {
            if ((v.equals(line) || v.startsWith(line + ".")) && !VersionOrder.isPreRelease(v)) {
                last = v;
            }
        }
        if (last == null) {
            throw new UsageException(library.displayName() + " has no published release on the line " + line + " (" + library.probeArtifact()
                    + "); newest published: " + (all.isEmpty() ? "none" : all.last()));
        }
        return last;
    }

    /** Every version Maven's repositories publish of the library's probe artifact, found by resolving {@code range}. */
    private TreeSet<String> published(String range) {
        String[] ga = library.probeArtifact().split(":");
        Path rangePom = work.resolve("release-list-pom.xml");
        Path list = work.resolve("release-list.txt");
        write(rangePom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>dev.wsbench</groupId><artifactId>release-list</artifactId><version>0</version>
                  <dependencies><dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><type>pom</type>
                    <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency></dependencies>
                </project>
                """.formatted(ga[0], ga[1], range));
        Path log = work.resolve("release-list-maven.log");
        if (!maven(log, List.of("-f", rangePom.toString(), "dependency:list", "-DoutputAbsoluteArtifactFilename=true", "-DoutputFile=" + list))) {
            throw new UsageException("Maven found no version of " + library.probeArtifact() + " in " + range + ": " + problem(log)
                    + " (Maven's output: " + log + ")");
        }
        Path artifactDir = resolvedPom(list, ga).getParent().getParent();
        TreeSet<String> all = new TreeSet<>(VersionOrder.INSTANCE);
        try (Stream<Path> files = Files.list(artifactDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("maven-metadata-.*\\.xml")).toList()) {
                Matcher m = VERSION.matcher(Files.readString(f));
                while (m.find()) {
                    all.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Maven's version metadata in " + artifactDir, e);
        }
        return all;
    }

    /** The class path at {@code version}: the harness and benchmarks, then the pom's dependencies with the library at that version. */
    Resolved resolve(String version) {
        String safe = ComparisonRequest.safe(version);
        Path file = work.resolve(library.cliName() + "-" + safe + ".classpath");
        Path log = work.resolve(library.cliName() + "-" + safe + "-maven.log");
        List<String> args = new ArrayList<>(List.of("-f", pom.toString()));
        library.mavenProperties(version).forEach((k, v) -> args.add("-D" + k + "=" + v));
        fixed.forEach((k, v) -> args.add("-D" + k + "=" + v));
        args.addAll(List.of("dependency:build-classpath", "-Dmdep.outputFile=" + file));
        if (!maven(log, args)) {
            return new Resolved(version, List.of(), "Maven could not resolve " + library.displayName() + " " + version + ": " + problem(log)
                    + " (Maven's output: " + log + ")");
        }
        List<Path> cp = new ArrayList<>();
        Path root = pom.toAbsolutePath().getParent();
        cp.add(root.resolve("target/test-classes"));
        cp.add(root.resolve("target/classes"));
        cp.addAll(SideClasspath.read(file));
        return new Resolved(version, cp, null);
    }

    private boolean maven(Path log, List<String> args) {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "-Dstyle.color=never"));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(MAVEN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new UsageException("Maven ran past " + MAVEN_TIMEOUT_SECONDS + " s (" + String.join(" ", args) + "); its output: " + log);
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            throw new UsageException("cannot run mvn (is Maven on the PATH?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while Maven resolved " + String.join(" ", args));
        }
    }

    /** Maven's first error line, which says what it could not do. */
    static String problem(Path log) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                int at = line.indexOf("[ERROR]"); // Maven may put colour codes first, whatever -Dstyle.color says
                String l = at < 0 ? "" : line.substring(at + 7).replace(" -> [Help 1]", "").trim();
                if (!l.isEmpty()) {
                    return l.length() > 400 ? l.substring(0, 400) + "..." : l;
                }
            }
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
        return "(no error line; see the log)";
    }

    private static Path resolvedPom(Path list, String[] ga) {
        try {
            for (String line : Files.readAllLines(list)) {
                String l = line.trim();
                if (l.startsWith(ga[0] + ":" + ga[1] + ":")) {
                    return Path.of(l.substring(l.lastIndexOf(':') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list, e);
        }
        throw new UsageException("Maven resolved no " + ga[0] + ":" + ga[1] + " (" + list + ")");
    }

    private static String nearest(TreeSet<String> all, String v) {
        List<String> near = new ArrayList<>();
        String lower = all.lower(v);
        String higher = all.higher(v);
        if (lower != null) {
            near.add(lower);
        }
        if (higher != null) {
            near.add(higher);
        }
        return near.isEmpty() ? "none" : String.join(", ", near);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
