package dev.wsbench.protocol;

import java.net.URI;

/**
 * The wire protocol every server serves and the scenario clients speak: paths and the text
 * messages of the field scenarios. Both sides import it; neither imports the other for it.
 * The push message format is {@link PushMessages}.
 */
public final class Protocol {
    private Protocol() {
    }

    /** Every server serves its echo endpoint on this path: each message comes back unchanged, text as text, binary as binary. */
    public static final String ECHO_PATH = "/echo";

    /** Relay pairs: two connections with the same {@code ?pair=ID} get each other's messages. */
    public static final String RELAY_PATH = "/relay";

    /** The query parameter that names a relay pair. */
    public static final String PAIR_QUERY = "pair";

    /** Server push on request: the text {@code "push COUNT SIZE"} asks for COUNT binary messages of SIZE bytes ({@link PushMessages}). */
    public static final String PUSH_PATH = "/push";

    /** Broadcast: every message goes to every other connection on the path. */
    public static final String BROADCAST_PATH = "/broadcast";

    /** Sent as text on the broadcast path, answered (to the asker only) with {@code "members N"}. */
    public static final String MEMBERS_QUERY = "?members";

    /**
     * The endpoint {@code pathAndQuery} (for example {@code /relay?pair=7}) on the server that
     * {@code server} points at: only its scheme, host and port are used, so any of the server's
     * URIs will do.
     */
    public static URI endpoint(URI server, String pathAndQuery) {
        return URI.create(server.getScheme() + "://" + server.getRawAuthority() + pathAndQuery);
    }

    /** An HTTP request target, {@code path?query}, or just {@code path} when the query is null or empty. */
    public static String requestTarget(String path, String query) {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    /** The request target of {@code uri}: its raw path and query. */
    public static String requestTarget(URI uri) {
        return requestTarget(uri.getRawPath(), uri.getRawQuery());
    }
}
