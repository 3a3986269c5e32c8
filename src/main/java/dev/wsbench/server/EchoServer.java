package dev.wsbench.server;

import dev.wsbench.protocol.Protocol;
import dev.wsbench.Settings;
import java.net.URI;

/**
 * A running echo server: what each library's adapter provides and every benchmark relies on. The
 * adapters are registered in {@code dev.wsbench.library.Library}; {@link RemoteServer} stands for one elsewhere.
 *
 * @implSpec An adapter is a {@link ServerFactory} ({@code start(String host, int port, ServerOptions)})
 *     (port 0: any free port) that returns once the server accepts connections, and:
 *     <ul>
 *       <li><b>Echo</b>: on {@link Protocol#ECHO_PATH} every binary or text message comes back
 *           unchanged as one message of the same type (fragmented input is reassembled by the
 *           library, as an application would receive it); text is decoded to a {@code String} and
 *           encoded again, as an application would.</li>
 *       <li><b>Scenarios</b>: on {@link Protocol#RELAY_PATH}, {@link Protocol#PUSH_PATH} and
 *           {@link Protocol#BROADCAST_PATH} each connection is handed to one {@link ScenarioHub} per
 *           server ({@link ScenarioHub#open}), with the library's own API for sending; anything
 *           other path is not upgraded.</li>
 *       <li><b>Limits</b>: messages and frames up to {@link dev.wsbench.Settings#MAX_MESSAGE_BYTES}
 *           are accepted, larger ones refused (close or disconnect, never echoed, never buffered
 *           whole); malformed input closes that connection only and the server keeps serving
 *           ({@code HostileInputTest}).</li>
 *       <li><b>Options</b>: with {@link ServerOptions#tls()} it serves {@code wss} with that
 *           context; with {@link ServerOptions#deflate()} it negotiates permessage-deflate with
 *           the library's default settings on the echo path; otherwise no extension.</li>
 *       <li><b>Close</b>: {@link #close()} stops every thread the server started and releases its
 *           port before it returns ({@code ServerLifecycleTest}: 20 cycles, no thread left, the
 *           same port bound again).</li>
 *       <li><b>Defaults</b>: everything else is the library's shipped default; each deviation
 *           (and why) is stated in the adapter's Javadoc and the README's deviations table.</li>
 *     </ul>
 *     {@link BoundServer} holds host, port and scheme for in-process adapters.
 */
public interface EchoServer extends AutoCloseable {

    /** The address the server is bound to (an IP literal or host name as given at start). */
    String host();

    /** The bound port (the real one when started on port 0). */
    int port();

    /** The WebSocket URI of the echo endpoint. */
    default URI uri() {
        return uri(Protocol.ECHO_PATH);
    }

    /** The WebSocket URI of another endpoint on this server, for example {@code /relay?pair=1}. */
    default URI uri(String pathAndQuery) {
        return URI.create(scheme() + "://" + host() + ":" + port() + pathAndQuery);
    }

    /** {@code ws}, or {@code wss} for a server started with TLS. */
    default String scheme() {
        return "ws";
    }

    @Override
    void close() throws Exception;
}
