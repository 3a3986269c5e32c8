package dev.wsbench.server;

import dev.wsbench.protocol.Protocol;
import dev.wsbench.Settings;
import dev.wsbench.protocol.PushMessages;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application logic of the field scenarios, written once and shared by every server: each
 * library adapter only accepts the connection, hands over what arrives, and supplies a
 * {@link Peer} that sends with the library's own API. So the scenarios differ between servers only
 * in the libraries' code, as the echo does.
 *
 * <ul>
 *   <li>{@value Protocol#RELAY_PATH}{@code ?pair=ID}: the two connections with the same ID forward
 *       each message to each other (a third one is refused with close code 1008). Messages that
 *       arrive before the partner has joined are held (at most {@value #MAX_HELD}) and delivered when
 *       it joins.</li>
 *   <li>{@value Protocol#PUSH_PATH}: a text request {@code "push COUNT SIZE"} makes the server send
 *       COUNT binary messages of SIZE bytes, built by {@link PushMessages} (server's
 *       {@link System#nanoTime()} at hand-over to the library, sequence number, fixed content).</li>
 *   <li>{@value Protocol#BROADCAST_PATH}: each message from one connection goes to every other
 *       connection on that path; the text {@value #Protocol.MEMBERS_QUERY} is answered with the group's size.</li>
 * </ul>
 *
 * Binary data handed to {@link Session#onBinary} is copied once by the hub before it is forwarded
 * (the libraries reuse or free their receive buffers when the callback returns); the copy is
 * shared, read-only, by every recipient of a broadcast. Undertow hands over a message that arrived
 * in several pooled buffers only after merging them into one ({@code WebSockets.mergeBuffers}), a
 * copy of its own before the hub's.
 */
public final class ScenarioHub {
    static final int MAX_HELD = 1024;

    /** Sends on one connection with the library's API; may be called from any thread. */
    public interface Peer {
        void sendBinary(ByteBuffer data);

        void sendText(String text);

        /** Starts the closing handshake with {@code code} and {@code reason}. */
        void close(int code, String reason);
    }

    /** What a library adapter calls for one scenario connection. */
    public interface Session {
        void onBinary(ByteBuffer data);

        void onText(String text);

        void onClose();
    }

    private final Map<String, Relay> pairs = new ConcurrentHashMap<>();
    private final Set<Peer> broadcast = ConcurrentHashMap.newKeySet();

    /** Whether {@code path} (without query) is one of the scenario paths. */
    public static boolean serves(String path) {
        return Protocol.RELAY_PATH.equals(path) || Protocol.PUSH_PATH.equals(path) || Protocol.BROADCAST_PATH.equals(path);
    }

    /**
     * Joins a new connection to its scenario.
     *
     * @param requestTarget the request's path and query, for example {@code /relay?pair=7}
     * @return the session the adapter feeds, never null (a bad request gets a session that has
     *     already closed the connection with code 1008 and a reason)
     */
    public Session open(String requestTarget, Peer peer) {
        URI target = URI.create(requestTarget);
        String path = target.getRawPath();
        if (Protocol.RELAY_PATH.equals(path)) {
            String pair = queryValue(target.getRawQuery(), Protocol.PAIR_QUERY);
            if (pair == null) {
                return refuse(peer, "relay needs ?pair=ID");
            }
            return pairs.computeIfAbsent(pair, Relay::new).join(peer);
        }
        if (Protocol.PUSH_PATH.equals(path)) {
            return new PushSession(peer);
        }
        if (Protocol.BROADCAST_PATH.equals(path)) {
            broadcast.add(peer);
            return new BroadcastSession(peer);
        }
        return refuse(peer, "no scenario at " + path);
    }

    private static Session refuse(Peer peer, String reason) {
        peer.close(1008, reason);
        return new Session() {
            @Override
            public void onBinary(ByteBuffer data) {
            }

            @Override
            public void onText(String text) {
            }

            @Override
            public void onClose() {
            }
        };
    }

    static String queryValue(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }

    private static ByteBuffer copy(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy.asReadOnlyBuffer();
    }

    /** Two connections forwarding to each other. */
    private final class Relay {
        private final String id;
        private final Peer[] peers = new Peer[2];
        private final ArrayDeque<Object> held = new ArrayDeque<>(); // for the missing partner: ByteBuffer or String

        Relay(String id) {
            this.id = id;
        }

        synchronized Session join(Peer peer) {
            int side = peers[0] == null ? 0 : peers[1] == null ? 1 : -1;
            if (side < 0) {
                return refuse(peer, "relay pair " + id + " already has two connections");
            }
            peers[side] = peer;
            if (side == 1) {
                for (Object message : held) {
                    deliver(peer, message);
                }
                held.clear();
            }
            return new Session() {
                @Override
                public void onBinary(ByteBuffer data) {
                    forward(side, copy(data));
                }

                @Override
                public void onText(String text) {
                    forward(side, text);
                }

                @Override
                public void onClose() {
                    synchronized (Relay.this) {
                        peers[side] = null;
                        if (peers[1 - side] == null) {
                            pairs.remove(id, Relay.this);
                        }
                    }
                }
            };
        }

        private void forward(int from, Object message) {
            Peer to;
            synchronized (this) {
                to = peers[1 - from];
                if (to == null) {
                    if (held.size() >= MAX_HELD) {
                        peers[from].close(1008, "relay partner for pair " + id + " never joined");
                        return;
                    }
                    held.add(message);
                    return;
                }
            }
            deliver(to, message);
        }

        private void deliver(Peer to, Object message) {
            if (message instanceof ByteBuffer data) {
                to.sendBinary(data.duplicate());
            } else {
                to.sendText((String) message);
            }
        }
    }

    /** Streams messages on request. */
    private static final class PushSession implements Session {
        private final Peer peer;

        PushSession(Peer peer) {
            this.peer = peer;
        }

        @Override
        public void onBinary(ByteBuffer data) {
            peer.close(1008, "push expects a text request 'push COUNT SIZE'");
        }

        @Override
        public void onText(String text) {
            PushMessages.Request request;
            try {
                request = PushMessages.Request.parse(text);
            } catch (IllegalArgumentException e) {
                peer.close(1008, e.getMessage());
                return;
            }
            PushMessages messages = PushMessages.forSize(request.size());
            for (int i = 0; i < request.count(); i++) {
                ByteBuffer message = messages.build(i); // built first: the time stamp is the hand-over, not the build
                peer.sendBinary(PushMessages.stampTime(message, System.nanoTime()));
            }
        }

        @Override
        public void onClose() {
        }
    }

    /** One member of the broadcast group. */
    private final class BroadcastSession implements Session {
        private final Peer self;

        BroadcastSession(Peer self) {
            this.self = self;
        }

        @Override
        public void onBinary(ByteBuffer data) {
            ByteBuffer shared = copy(data);
            for (Peer peer : broadcast) {
                if (peer != self) {
                    peer.sendBinary(shared.duplicate());
                }
            }
        }

        @Override
        public void onText(String text) {
            if (text.equals(Protocol.MEMBERS_QUERY)) { // lets a client wait until every member has joined
                self.sendText("members " + broadcast.size());
                return;
            }
            for (Peer peer : broadcast) {
                if (peer != self) {
                    peer.sendText(text);
                }
            }
        }

        @Override
        public void onClose() {
            broadcast.remove(self);
        }
    }
}
