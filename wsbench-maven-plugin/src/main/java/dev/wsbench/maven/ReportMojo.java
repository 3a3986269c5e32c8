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
 * {@code mvn jmh:report -Dresult=A.json [-Dout=DIR]}: a Markdown summary and PNG charts per payload
 * size, written beside the result file unless {@code -Dout} names a folder.
 */
@Mojo(name = "report", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class ReportMojo extends ForkingMojo {
    @Parameter(property = "result")
    private String result;

    @Parameter(property = "out")
    private String out;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (result == null) {
            throw new MojoFailureException("name a result file: mvn jmh:report -Dresult=results/runs/jmh-....json");
        }
        List<String> args = new ArrayList<>(List.of(result));
        if (out != null) {
            args.add(out);
        }
        fork(List.of("-Djava.awt.headless=true"), "dev.wsbench.results.Report",
                    args, "report");
    }
}
