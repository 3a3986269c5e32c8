package dev.wsbench.versions;

import dev.wsbench.Arguments.UsageException;
import dev.wsbench.ExitCode;
import dev.wsbench.library.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code bin/pr-check} compares a pull request's build with: the library's last release on the
 * build's own line. {@code PullRequestBaseline LIBRARY CANDIDATE [LINE]} prints that version;
 * CANDIDATE is a folder of jars (the line read from the version in the name of the library's jar
 * there, {@code netty-codec-http-4.2.21.Final-SNAPSHOT.jar}: 4.2) or a version
 * ({@code 4.2.21.Final-SNAPSHOT}); LINE, when given, replaces what the candidate says. Exit 2 with
 * one line when there is no such jar, no line or no release.
 */
public final class PullRequestBaseline {
    /** A version's line: its first two numbers ({@code 4.2.21.Final-SNAPSHOT} is on 4.2, {@code 12.1.15-SNAPSHOT} on 12.1). */
    private static final Pattern LINE = Pattern.compile("^(\\d+\\.\\d+)(?:[.\\-].*)?$");

    private PullRequestBaseline() {
    }

    public static void main(String[] args) {
        try {
            if (args.length < 2 || args.length > 3) {
                throw new UsageException("usage: PullRequestBaseline LIBRARY CANDIDATE-JARS-OR-VERSION [LINE]");
            }
            Library library = Library.byName(args[0]);
            String line = args.length == 3 ? args[2] : line(candidateVersion(library, args[1]));
            MavenVersions maven = new MavenVersions(Path.of("pom.xml").toAbsolutePath(), Path.of("target", "pr-check"), library, Map.of());
            System.out.println(maven.lastRelease(line));
        } catch (UsageException | IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(ExitCode.UNUSABLE.code());
        }
    }

    /** The candidate's version: CANDIDATE itself, or the version in the name of the library's jar in the folder CANDIDATE. */
    static String candidateVersion(Library library, String candidate) throws IOException {
        Path dir = Path.of(candidate);
        if (!Files.isDirectory(dir)) {
            return candidate;
        }
        String artifact = library.artifactIds().get(library.artifactIds().size() - 1);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            for (String name : names) {
                for (String id : library.artifactIds()) {
                    Matcher m = Pattern.compile(Pattern.quote(id) + "-(\\d[^/]*?)\\.jar").matcher(name);
                    if (m.matches()) {
                        return m.group(1);
                    }
                }
            }
            throw new UsageException(dir + " holds no " + artifact + "-VERSION.jar, the jar whose version names the line to compare with;"
                    + " give the line as well (for example 4.2), or put the library's jars there (found: "
                    + (names.isEmpty() ? "nothing" : String.join(", ", names.subList(0, Math.min(5, names.size())))) + ")");
        }
    }

    /** {@code 4.2.21.Final-SNAPSHOT} → {@code 4.2}. */
    static String line(String version) {
        Matcher m = LINE.matcher(version);
        if (!m.matches()) {
            throw new UsageException("cannot tell the release line of version '" + version + "'; give the line (for example 4.2)");
        }
        return m.group(1);
    }
}
