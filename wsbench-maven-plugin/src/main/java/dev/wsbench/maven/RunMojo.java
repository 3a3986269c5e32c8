package dev.wsbench.maven;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmh:run}: compiles the benchmarks, then runs JMH in a new JVM.
 *
 * <ul>
 *   <li>No {@code -Djmh.args}: runs the set named by {@code -Djmh.set} (default {@code default}),
 *       whose JMH arguments are the project property {@code jmh.set.NAME}.</li>
 *   <li>{@code -Djmh.args="..."}: JMH's own command line, passed unchanged.</li>
 * </ul>
 * Either way {@code -foe true} is added unless given, and results go to
 * {@code results/runs/jmh-TIMESTAMP.json} unless {@code -rf}/{@code -rff} say otherwise.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class RunMojo extends ForkingMojo {
    static final String LAUNCHER = "dev.wsbench.cli.JmhLauncher";

    /** JMH's command-line options, unchanged (benchmark regex, -p, -f, -wi, -i, -prof, -rf, -rff, ...). */
    @Parameter(property = "jmh.args")
    private String args;

    /** A named set of benchmarks, defined as the project property {@code jmh.set.NAME}. */
    @Parameter(property = "jmh.set", defaultValue = "default")
    private String set;

    /** Where run results go when {@code -rff} is not given. */
    @Parameter(property = "jmh.resultsDir", defaultValue = "${project.basedir}/results/runs")
    private File resultsDir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> user;
        try {
            if (args != null && !args.isBlank()) {
                user = JmhArgs.split(args);
            } else {
                String setArgs = project.getProperties().getProperty("jmh.set." + set);
                if (setArgs == null) {
                    TreeSet<String> known = new TreeSet<>();
                    for (String name : project.getProperties().stringPropertyNames()) {
                        if (name.startsWith("jmh.set.")) {
                            known.add(name.substring("jmh.set.".length()));
                        }
                    }
                    throw new MojoFailureException("unknown benchmark set '" + set + "'; sets defined in pom.xml (jmh.set.NAME properties): "
                            + String.join(", ", known));
                }
                user = JmhArgs.split(setArgs);
                getLog().info("Running benchmark set '" + set + "': " + setArgs.trim().replaceAll("\\s+", " "));
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        if (!resultsDir.isDirectory() && !resultsDir.mkdirs()) {
            throw new MojoExecutionException("cannot create " + resultsDir);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<String> jmhArgs = JmhArgs.withSuiteOptions(user, new File(resultsDir, "jmh-" + stamp).getPath());
        String resultFile = JmhArgs.valueOf(jmhArgs, "-rff");
        fork(List.of(), LAUNCHER, jmhArgs, "JMH run");
        if (resultFile != null) {
            getLog().info("Results: " + resultFile);
        }
    }
}
