package dev.wsbench.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmh:compare -Dbaseline=A.json -Dcandidate=B.json [-Dformat=markdown] [-DperFork=true] [-DfailAbove=PCT]}:
 * medians with 95 % intervals, change, Mann-Whitney U p-value per benchmark; fails the build on a
 * significant regression larger than PCT percent, or on unusable input.
 */
@Mojo(name = "compare", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CompareMojo extends ForkingMojo {
    @Parameter(property = "baseline")
    private String baseline;

    @Parameter(property = "candidate")
    private String candidate;

    /** text (default) or markdown. */
    @Parameter(property = "format", defaultValue = "text")
    private String format;

    /** Test one sample per fork (the median of its iterations) rather than every iteration. */
    @Parameter(property = "perFork", defaultValue = "false")
    private boolean perFork;

    /** Fail when a significant regression exceeds this many percent. */
    @Parameter(property = "failAbove")
    private String failAbove;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (baseline == null || candidate == null) {
            throw new MojoFailureException("name both runs: mvn jmh:compare -Dbaseline=A.json -Dcandidate=B.json");
        }
        if (!format.equals("text") && !format.equals("markdown")) {
            throw new MojoFailureException("-Dformat must be text or markdown, got '" + format + "'");
        }
        List<String> args = new ArrayList<>(List.of("--baseline", baseline, "--candidate", candidate));
        if (format.equals("markdown")) {
            args.add("--markdown");
        }
        if (perFork) {
            args.add("--per-fork");
        }
        if (failAbove != null) {
            args.add("--fail-above");
            args.add(failAbove);
        }
        fork(List.of(), "dev.wsbench.results.Compare", args,
                    "comparison (exit 1: significant regression above -DfailAbove; exit 2: unusable input)");
    }
}
