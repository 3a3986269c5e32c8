package dev.wsbench.server;

import java.net.URI;

/**
 * A server in another process or on another host (for example {@code mvn jmh:serve} there),
 * given by its echo URI. Nothing is started or stopped here; the scenario paths are taken to be on
 * the same host and port, as the standalone server serves them.
 */
public final class RemoteServer implements EchoServer {
    private final URI echo;

    public RemoteServer(URI echo) {
        this.echo = echo;
    }

    @Override
    public String host() {
        return echo.getHost();
    }

    @Override
    public int port() {
        return echo.getPort();
    }

    @Override
    public URI uri() {
        return echo;
    }

    @Override
    public void close() {
    }
}
