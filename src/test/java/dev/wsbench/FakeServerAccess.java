package dev.wsbench;

import dev.wsbench.client.ReferenceEchoClient;
import java.io.IOException;
import java.net.URI;

/** {@link FakeServer} for tests in other packages: one that accepts the upgrade and then never answers. */
public final class FakeServerAccess implements AutoCloseable {
    private final FakeServer server;

    private FakeServerAccess(FakeServer server) {
        this.server = server;
    }

    public static FakeServerAccess silent() throws IOException {
        return new FakeServerAccess(new FakeServer(key -> FakeServer.switchingProtocols(key, ReferenceEchoClient.acceptFor(key))));
    }

    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
