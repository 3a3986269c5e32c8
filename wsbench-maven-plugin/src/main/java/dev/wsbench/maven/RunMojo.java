package dev.wsbench.maven;

import java.io.File;
import java.util.ArrayList;
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
 * {@code mvn jmh:run}: compiles the benchmarks, then runs the suite's launcher
 * ({@code dev.wsbench.cli.JmhLauncher}) in a new JVM on the test class path. The launcher does the
 * rest (splitting {@code -Djmh.args}, looking up {@code -Djmh.set}, adding {@code -foe true} and the
 * result file, checking parameters), so that changes there need no new plugin.
 *
 * <ul>
 *   <li>No {@code -Djmh.args}: runs the set named by {@code -Djmh.set} (default {@code default}),
 *       whose JMH arguments are the project property {@code jmh.set.NAME}.</li>
 *   <li>{@code -Djmh.args="..."}: JMH's own command line.</li>
 * </ul>
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class RunMojo extends ForkingMojo {
    static final String LAUNCHER = "dev.wsbench.cli.JmhLauncher";

    /** JMH's command-line options (benchmark regex, -p, -f, -wi, -i, -prof, -rf, -rff, ...). */
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
        List<String> sets = new ArrayList<>();
        for (String name : new TreeSet<>(project.getProperties().stringPropertyNames())) {
            if (name.startsWith("jmh.set.")) {
                sets.add("-D" + name + "=" + project.getProperties().getProperty(name));
            }
        }
        boolean own = args != null && !args.isBlank();
        fork(sets, LAUNCHER, List.of("--results-dir", resultsDir.getPath(), own ? "--args" : "--set", own ? args : set), "JMH run");
    }
}
