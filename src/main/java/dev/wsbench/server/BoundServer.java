package dev.wsbench.server;

/**
 * What every in-process server shares: the address it was bound to and its scheme, fixed once it
 * is listening. Adapters extend it and implement {@link #close()}.
 */
public abstract class BoundServer implements EchoServer {
    private final String host;
    private final int port;
    private final String scheme;

    /** @param port the bound port (the real one when started on port 0) */
    protected BoundServer(String host, int port, String scheme) {
        this.host = host;
        this.port = port;
        this.scheme = scheme;
    }

    @Override
    public final String host() {
        return host;
    }

    @Override
    public final int port() {
        return port;
    }

    @Override
    public final String scheme() {
        return scheme;
    }
}
