package dev.wsbench.maven;

import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal here does in the end: run one of the suite's main classes on the project's test class path. */
abstract class ForkingMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    protected void fork(List<String> jvmArgs, String mainClass, List<String> args, String what)
            throws MojoExecutionException, MojoFailureException {
        try {
            ForkedJava.run(getLog(), project.getTestClasspathElements(), jvmArgs, mainClass, args, what);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("test class path not resolved", e);
        }
    }
}
