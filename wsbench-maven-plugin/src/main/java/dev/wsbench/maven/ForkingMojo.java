package dev.wsbench.maven;

import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal here does in the end: run one of the suite's main classes on the project's test
 * class path. Every {@code -Dwsbench.*} given to Maven is passed on to that JVM (the launcher passes
 * them on to JMH's forks), so {@code mvn jmh:run -Dwsbench.timeoutMs=30000} works as written.
 */
abstract class ForkingMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected org.apache.maven.execution.MavenSession session;

    protected void fork(List<String> jvmArgs, String mainClass, List<String> args, String what)
            throws MojoExecutionException, MojoFailureException {
        List<String> withSettings = new java.util.ArrayList<>();
        new java.util.TreeMap<>(session.getUserProperties()).forEach((key, value) -> {
            if (key.toString().startsWith("wsbench.")) {
                withSettings.add("-D" + key + "=" + value);
            }
        });
        withSettings.addAll(jvmArgs);
        try {
            ForkedJava.run(getLog(), project.getTestClasspathElements(), withSettings, mainClass, args, what);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("test class path not resolved", e);
        }
    }
}
