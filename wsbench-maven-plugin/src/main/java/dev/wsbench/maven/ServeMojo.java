package dev.wsbench.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn jmh:serve -Dserver=NAME [-Dhost=0.0.0.0] [-Dport=8080]}: one of the suite's echo
 * servers, standalone, on path {@code /echo}, until Ctrl+C.
 */
@Mojo(name = "serve", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class ServeMojo extends ForkingMojo {
    /** The server's name; the standalone server lists the names when it is missing or unknown. */
    @Parameter(property = "server")
    private String server;

    @Parameter(property = "host", defaultValue = "127.0.0.1")
    private String host;

    @Parameter(property = "port", defaultValue = "8080")
    private String port;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> options = new java.util.ArrayList<>(List.of("--host", host, "--port", port));
        if (server != null && !server.isBlank()) {
            options.addAll(0, List.of("--server", server));
        }
        fork(List.of(), "dev.wsbench.library.StandaloneServer", options, "standalone server");
    }
}
