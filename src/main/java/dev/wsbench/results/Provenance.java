package dev.wsbench.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.wsbench.library.Library;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a result came from, written beside each JMH result file as {@code NAME.provenance.json}
 * (JMH's own JSON stays untouched, so standard JMH tools still read it). Library versions are read
 * from the jars actually on the class path (their {@code pom.properties}), not from Maven properties;
 * the benchmark JVMs JMH forks use the same class path.
 */
public final class Provenance {
    /** Between a library's version and the one it runs on: {@code "5.0.7 on Netty 4.2.20.Final"}. */
    private static final String ON = " on ";
    /** JMH's own version is recorded beside the libraries'. */
    private static final String[] JMH = {"JMH", "org.openjdk.jmh.Main", "org.openjdk.jmh", "jmh-core"};

    Map<String, String> libraries = new LinkedHashMap<>();
    String jdkVendor;
    String jdkVersion;
    String vmName;
    List<String> launcherJvmArgs;
    String os;
    String cpuModel;
    int cpuCount;
    List<String> jmhArgs;
    String gitCommit;
    String time;
    /** For one side of an interleaved comparison: which side, of what, how ordered and calibrated. */
    String comparison;

    /** Describes this JVM and machine, for a run with {@code jmhArgs}. */
    public static Provenance capture(List<String> jmhArgs) {
        return capture(jmhArgs, Provenance.class.getClassLoader());
    }

    /**
     * Describes this machine and JDK for a run whose benchmark JVMs load their classes from
     * {@code classpath} (an interleaved comparison's side), library versions read from those jars.
     */
    public static Provenance capture(List<String> jmhArgs, List<Path> classpath) throws IOException {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classpath.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            return capture(jmhArgs, loader);
        }
    }

    private static Provenance capture(List<String> jmhArgs, ClassLoader loader) {
        Provenance p = new Provenance();
        for (Library lib : Library.values()) {
            p.libraries.put(lib.displayName(), loadedVersion(lib, loader));
        }
        for (Library lib : Library.values()) {
            if (lib.runsOn() != null) { // e.g. "5.0.7 on Netty 4.2.20.Final": the one it actually ran on
                p.libraries.put(lib.displayName(), p.libraries.get(lib.displayName()) + ON + lib.runsOn().displayName() + " "
                        + p.libraries.get(lib.runsOn().displayName()));
            }
        }
        p.libraries.put(JMH[0], loadedVersion(JMH[1], JMH[2], JMH[3], loader));
        p.jdkVendor = System.getProperty("java.vendor");
        p.jdkVersion = System.getProperty("java.runtime.version", System.getProperty("java.version"));
        p.vmName = System.getProperty("java.vm.name");
        p.launcherJvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        p.os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        p.cpuModel = cpuModel();
        p.cpuCount = Runtime.getRuntime().availableProcessors();
        p.jmhArgs = List.copyOf(jmhArgs);
        p.gitCommit = gitCommit();
        p.time = Instant.now().toString();
        return p;
    }

    private static String loadedVersion(Library lib, ClassLoader loader) {
        String[] artifact = lib.probeArtifact().split(":");
        return loadedVersion(lib.probeClass(), artifact[0], artifact[1], loader, lib.artifactIds());
    }

    /** The version in the jar that holds {@code className}, or "absent" / "unknown". */
    static String loadedVersion(String className, String groupId, String artifactId, ClassLoader loader) {
        return loadedVersion(className, groupId, artifactId, loader, List.of(artifactId));
    }

    /** As above; {@code listedAs}: the artifact's names in a dependency list (OkHttp's jar is okhttp-jvm from 5 on). */
    private static String loadedVersion(String className, String groupId, String artifactId, ClassLoader loader, List<String> listedAs) {
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            return "absent";
        }
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        String bundleVersion = null; // the OSGi Bundle-Version: Gradle-built jars such as OkHttp 5's carry only that
        String layoutVersion = null; // the version folder of a Maven repository's layout, A/V/A-V.jar: OkHttp 4's jar has nothing else
        try {
            URL jar = c.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(jar.toURI());
            if (path.getParent() != null && path.getParent().getParent() != null) {
                String version = path.getParent().getFileName().toString();
                String artifact = path.getParent().getParent().getFileName().toString();
                if (path.getFileName().toString().equals(artifact + "-" + version + ".jar")) {
                    layoutVersion = version;
                }
            }
            try (JarFile file = new JarFile(path.toFile())) {
                JarEntry entry = file.getJarEntry(resource.substring(1));
                if (entry != null) {
                    Properties props = new Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        props.load(in);
                    }
                    return props.getProperty("version", "unknown");
                }
                String listed = listedVersion(file, groupId, listedAs);
                if (listed != null) {
                    return listed;
                }
                if (file.getManifest() != null) {
                    bundleVersion = file.getManifest().getMainAttributes().getValue("Bundle-Version");
                }
            }
        } catch (Exception e) {
            // fall through to the package manifest
        }
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v != null ? v : bundleVersion != null ? bundleVersion : layoutVersion != null ? layoutVersion : "unknown";
    }

    /** In {@code target/benchmarks.jar}: the version of every dependency as Maven resolved it (mvn dependency:list, at package time). */
    static final String DEPENDENCY_LIST = "META-INF/wsbench/dependencies.txt";
    private static final Pattern COORDINATES = Pattern.compile("[\\w.\\-]+(:[\\w.\\-]+)+");

    /**
     * The version {@code groupId:artifactId} has in the jar's {@link #DEPENDENCY_LIST}, or null: in
     * the one jar every dependency is unpacked into, a class's jar is that jar, whose manifest is
     * no library's, and some libraries (OkHttp 5) pack no pom.properties.
     */
    private static String listedVersion(JarFile file, String groupId, List<String> artifactIds) throws IOException {
        JarEntry list = file.getJarEntry(DEPENDENCY_LIST);
        if (list == null) {
            return null;
        }
        try (InputStream in = file.getInputStream(list)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                // group:artifact:type[:classifier]:version, then (in a terminal's build) colour codes and the module name
                Matcher m = COORDINATES.matcher(line.trim());
                if (m.lookingAt()) {
                    String[] coordinates = m.group().split(":");
                    if (coordinates.length >= 4 && coordinates[0].equals(groupId) && artifactIds.contains(coordinates[1])) {
                        return coordinates[coordinates.length - 1];
                    }
                }
            }
        }
        return null;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String commit = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "unknown";
            }
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).isBlank();
            status.waitFor(5, TimeUnit.SECONDS);
            return dirty ? commit + "+uncommitted" : commit;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** {@code results.json} → {@code results.provenance.json}. */
    public static Path fileFor(Path resultFile) {
        String name = resultFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return resultFile.resolveSibling(base + ".provenance.json");
    }

    public void writeBeside(Path resultFile) throws IOException {
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        Files.writeString(fileFor(resultFile), gson.toJson(this) + "\n");
    }

    /** The provenance written beside {@code resultFile}, or null when there is none. */
    public static Provenance readBeside(Path resultFile) {
        Path file = fileFor(resultFile);
        if (!Files.exists(file)) {
            return null;
        }
        Provenance p;
        try {
            p = new Gson().fromJson(Files.readString(file), Provenance.class);
        } catch (IOException | JsonParseException e) {
            throw new ResultFileException(file + ": unreadable provenance (" + e.getMessage() + ")");
        }
        if (p == null || p.libraries == null || p.libraries.isEmpty()) {
            throw new ResultFileException(file + ": provenance without \"libraries\"; rewrite it from the run or delete it"
                    + " (the comparison then cannot check library versions)");
        }
        return p;
    }

    public void setComparison(String comparison) {
        this.comparison = comparison;
    }

    public Map<String, String> libraries() {
        return libraries;
    }

    /**
     * The version of the library itself, as loaded: for one that runs on another ({@code "5.0.7 on
     * Netty 4.2.20.Final"}) without the part that names the one under it; null when not recorded.
     */
    public String ownVersion(String displayName) {
        String v = libraries.get(displayName);
        int on = v == null ? -1 : v.indexOf(ON);
        return on < 0 ? v : v.substring(0, on);
    }

    /** A short line naming the machine and JDK, for chart captions: "CPU model, N CPUs, JDK 17.0.15". */
    public String machine() {
        String cpu = cpuModel == null ? "unknown CPU" : cpuModel.replaceAll("\\((R|TM)\\)|CPU|Processor|\\s+@.*", "").replaceAll("\\s+", " ").trim();
        String jdk = jdkVersion == null ? "?" : jdkVersion.replaceFirst("[+-].*", "");
        return cpu + ", " + cpuCount + " CPUs, JDK " + jdk;
    }

    /**
     * What differs between two runs apart from library versions, commit and time: each a sentence
     * naming the difference, for a warning that the comparison may measure more than the switch.
     */
    public List<String> environmentDifferences(Provenance other) {
        List<String> d = new ArrayList<>();
        diff(d, "JDK", jdkVendor + " " + jdkVersion + " (" + vmName + ")", other.jdkVendor + " " + other.jdkVersion + " (" + other.vmName + ")");
        diff(d, "OS", os, other.os);
        diff(d, "CPU model", cpuModel, other.cpuModel);
        diff(d, "CPU count", String.valueOf(cpuCount), String.valueOf(other.cpuCount));
        diff(d, "JMH arguments (other than the result file)", withoutResultFile(jmhArgs), withoutResultFile(other.jmhArgs));
        return d;
    }

    private static void diff(List<String> out, String what, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(what + " differs: baseline " + a + ", candidate " + b);
        }
    }

    private static String withoutResultFile(List<String> args) {
        if (args == null) {
            return "unknown";
        }
        List<String> kept = new ArrayList<>(args);
        int at = kept.indexOf("-rff");
        if (at >= 0 && at + 1 < kept.size()) {
            kept.remove(at + 1);
            kept.remove(at);
        }
        return String.join(" ", kept);
    }
}
