package dev.wsbench.library;

import dev.wsbench.client.ClientFactory;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.JdkEchoClient;
import dev.wsbench.client.ReferenceEchoClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of the benchmarks' {@code -p client=}: the suite's own {@link #REFERENCE} client (the
 * default for comparing servers), the JDK's {@code java.net.http.WebSocket} ({@link #JDK}), and the
 * client of every {@link Library} that has one, by its constant's name.
 */
public final class EchoClients {
    /** The suite's own blocking client ({@link ReferenceEchoClient}). */
    public static final String REFERENCE = "REFERENCE";
    /** The JDK's {@code java.net.http.WebSocket} ({@link JdkEchoClient}). */
    public static final String JDK = "JDK";

    private EchoClients() {
    }

    /** Every client name, the two built-in ones first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(REFERENCE, JDK));
        Library.withClient().forEach(l -> names.add(l.name()));
        return names;
    }

    /**
     * The client called {@code name} (as in {@link #names()}, ignoring case).
     *
     * @throws IllegalArgumentException naming the known clients, for any other name
     */
    public static ClientFactory byName(String name) {
        if (REFERENCE.equalsIgnoreCase(name)) {
            return ReferenceEchoClient::connect;
        }
        if (JDK.equalsIgnoreCase(name)) {
            return JdkEchoClient::connect;
        }
        for (Library l : Library.withClient()) {
            if (l.name().equalsIgnoreCase(name)) {
                return l::connectClient;
            }
        }
        throw new IllegalArgumentException("unknown client '" + name + "'; known: " + String.join(", ", names()));
    }

    /** Opens one connection to {@code uri} with the client called {@code name}. */
    public static EchoClient connect(String name, URI uri) throws Exception {
        return byName(name).connect(uri);
    }
}
