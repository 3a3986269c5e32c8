package dev.wsbench.server;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * How a server is started beyond host and port: TLS ({@code wss}, with the given server-side
 * context, and the key material it was made from, for libraries that build their own context from
 * key managers, such as Vert.x) and whether permessage-deflate (RFC 7692) may be negotiated, with each library's default
 * deflate settings. The plain echo benchmarks use {@link #PLAIN}: no TLS, no extension.
 */
public record ServerOptions(SSLContext tls, KeyManagerFactory tlsKeys, boolean deflate) {
    public static final ServerOptions PLAIN = new ServerOptions(null, null, false);

    /** Plain {@code ws}, permessage-deflate allowed or not. */
    public static ServerOptions deflate(boolean deflate) {
        return new ServerOptions(null, null, deflate);
    }

    public boolean isTls() {
        return tls != null;
    }

    public String scheme() {
        return isTls() ? "wss" : "ws";
    }
}
