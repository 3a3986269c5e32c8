package dev.wsbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The main class of {@code target/benchmarks.jar} ({@code mvn package}), for running the suite
 * where there is no Maven, such as a quiet lab machine: {@code java -jar benchmarks.jar} runs what
 * {@code mvn jmh:run} runs, with the same additions ({@code -foe true}, the CPU profiler, the role
 * values, provenance, the tables), so its result files are the same kind.
 *
 * <pre>
 * java -jar benchmarks.jar                      the default set, as mvn jmh:run
 * java -jar benchmarks.jar --set NAME           a named set, as mvn jmh:run -Djmh.set=NAME
 * java -jar benchmarks.jar --sets               the sets and their arguments
 * java -jar benchmarks.jar JMH-ARGS...          JMH's own options, as mvn jmh:run -Djmh.args="..."
 * java -jar benchmarks.jar -l | -lp | -h        JMH's listings and help, unchanged
 * </pre>
 *
 * {@code --results-dir DIR} (first) says where result files go; the default is {@code results/runs}
 * under the working folder, the same place {@code mvn jmh:run} writes to in the project. The sets
 * are read from the project's {@code pom.xml}, which Maven packs into the jar: they have one home.
 */
public final class BenchmarksJar {
    /** Where Maven's jar plugin puts the project's own pom in the jar. */
    static final String POM_RESOURCE = "META-INF/maven/dev.wsbench/wsbench/pom.xml";
    static final String SET = "--set";
    static final String SETS = "--sets";
    static final String DEFAULT_SET = "default";
    static final Path DEFAULT_RESULTS_DIR = Path.of("results", "runs");
    /** JMH options that list or explain and run nothing: passed on as they are. */
    private static final Set<String> LISTINGS = Set.of("-l", "-lp", "-lprof", "-lrf", "-h", "-help", "--help");

    private BenchmarksJar() {
    }

    public static void main(String[] given) throws IOException {
        String[] args;
        try {
            Properties sets = setsInJar();
            if (given.length == 1 && given[0].equals(SETS)) {
                System.out.print(describe(sets));
                return;
            }
            args = jmhArgs(given, sets, LocalDateTime.now());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (Arrays.stream(args).anyMatch(LISTINGS::contains)) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        JmhLauncher.run(args);
    }

    /** JMH's arguments for the jar's command line {@code given}, sets from {@code sets}. */
    static String[] jmhArgs(String[] given, Properties sets, LocalDateTime now) {
        List<String> rest = new ArrayList<>(Arrays.asList(given));
        Path dir = DEFAULT_RESULTS_DIR;
        if (!rest.isEmpty() && rest.get(0).equals(JmhLauncher.RESULTS_DIR)) {
            if (rest.size() < 2) {
                throw new IllegalArgumentException(JmhLauncher.RESULTS_DIR + " needs a folder");
            }
            dir = Path.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        if (rest.stream().anyMatch(LISTINGS::contains)) {
            return rest.toArray(new String[0]);
        }
        List<String> user;
        if (rest.isEmpty() || rest.get(0).equals(SET)) {
            if (rest.size() == 1 || rest.size() > 2) {
                throw new IllegalArgumentException(SET + " takes one set name and nothing after it (sets: " + names(sets) + ")");
            }
            String name = rest.isEmpty() ? DEFAULT_SET : rest.get(1);
            user = JmhArgs.ofSet(name, sets);
            System.out.println("Running benchmark set '" + name + "': " + String.join(" ", user));
        } else {
            user = rest;
        }
        return JmhLauncher.withSuiteOptions(user, dir, now);
    }

    /** The {@code jmh.set.*} properties of the pom packed into this jar. */
    static Properties setsInJar() {
        try (InputStream in = BenchmarksJar.class.getClassLoader().getResourceAsStream(POM_RESOURCE)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + POM_RESOURCE + " in this jar; build it with mvn package");
            }
            return setsOf(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + POM_RESOURCE + " from the jar: " + e.getMessage());
        }
    }

    /** The {@code jmh.set.*} entries of a pom's top-level {@code <properties>}. */
    static Properties setsOf(InputStream pom) {
        Properties sets = new Properties();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom).getDocumentElement();
            for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element properties && properties.getTagName().equals("properties")) {
                    for (Node p = properties.getFirstChild(); p != null; p = p.getNextSibling()) {
                        if (p instanceof Element e && e.getTagName().startsWith(JmhArgs.SET_PREFIX)) {
                            sets.setProperty(e.getTagName(), e.getTextContent().trim());
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot parse the pom in the jar: " + e.getMessage());
        }
        return sets;
    }

    static String describe(Properties sets) {
        StringBuilder out = new StringBuilder();
        for (String key : new TreeSet<>(sets.stringPropertyNames())) {
            out.append(key.substring(JmhArgs.SET_PREFIX.length())).append(": ")
                    .append(String.join(" ", JmhArgs.split(sets.getProperty(key)))).append('\n');
        }
        return out.toString();
    }

    private static String names(Properties sets) {
        TreeSet<String> names = new TreeSet<>();
        for (String key : sets.stringPropertyNames()) {
            names.add(key.substring(JmhArgs.SET_PREFIX.length()));
        }
        return String.join(", ", names);
    }
}
