package dev.wsbench.jmh;

import dev.wsbench.Settings;
import dev.wsbench.server.EchoServer;
import dev.wsbench.server.EchoServerType;
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
    @Param // no values: JMH runs every constant of the enum
    EchoServerType server;

    EchoServer running;

    @Setup(Level.Trial)
    public void start() {
        java.net.URI target = Settings.target();
        if (target != null) {
            running = new dev.wsbench.server.RemoteServer(target);
            return;
        }
        try {
            running = server.start(Settings.LOOPBACK, 0);
        } catch (Exception e) {
            throw new IllegalStateException(server + " server failed to start: " + e, e);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (running != null) {
            running.close();
        }
    }
}
