package dev.wsbench.jmh;

import dev.wsbench.Settings;
import dev.wsbench.library.Library;
import dev.wsbench.placement.Placement;
import dev.wsbench.server.EchoServer;
import dev.wsbench.server.RemoteServer;
import dev.wsbench.server.ServerOptions;
import java.net.URI;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server under test, started once per trial and shared by all threads of the trial. With
 * {@code -Dwsbench.target=ws://HOST:PORT/echo} nothing is started: the benchmarks connect to that
 * server (another process or host, for example {@code mvn jmh:serve}), and {@code server} is only the
 * label of what runs there (the launcher asks for exactly one value).
 */
@State(Scope.Benchmark)
public class ServerState {
    /** The launcher gives every library with a server ({@link Library#withServer()}) unless {@code -p server=} says. */
    @Param
    Library server;

    /** Where the fork's threads run (see {@link Placement}); FREE unless asked. */
    @Param("FREE")
    Placement placement;

    /** The server started for the trial, or the remote one; {@link #server} says which library it is. */
    EchoServer instance;
    private Placement.Applied placed;

    /** How the server starts: plain here; the wss and deflate benchmarks' states override it. */
    protected ServerOptions options() {
        return ServerOptions.PLAIN;
    }

    /** Whether {@code -Dwsbench.target} may replace the in-process server (not for wss and deflate). */
    protected boolean remoteAllowed() {
        return true;
    }

    @Setup(Level.Trial)
    public void start() {
        server.requireServer(); // plain JMH gives every constant: a client-only one fails here, naming the servers
        URI target = remoteAllowed() ? Settings.target() : null;
        if (target != null) {
            placed = Placement.FREE.apply(); // the server runs elsewhere: nothing to place
            instance = new RemoteServer(target);
            return;
        }
        ServerOptions options = options();
        placed = placement.apply(); // before the server starts, so its threads inherit their CPUs
        try {
            instance = placed.startServer(() -> server.startServer(Settings.LOOPBACK, 0, options));
        } catch (Exception e) {
            throw new IllegalStateException(server + " server failed to start (tls=" + options.isTls() + ", deflate="
                    + options.deflate() + "): " + e, e);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (placed != null) { // null only when setup failed before anything was placed or started
            placed.stop(instance);
        }
    }
}
