package dev.wsbench.server;

import javax.net.ssl.SSLContext;

/**
 * How a server is started beyond host and port: TLS ({@code wss}, with the given server-side
 * context) and whether permessage-deflate (RFC 7692) may be negotiated, with each library's default
 * deflate settings. The plain echo benchmarks use {@link #PLAIN}: no TLS, no extension.
 */
public record ServerOptions(SSLContext tls, boolean deflate) {
    public static final ServerOptions PLAIN = new ServerOptions(null, false);

    public boolean isTls() {
        return tls != null;
    }

    public String scheme() {
        return isTls() ? "wss" : "ws";
    }
}
