package dev.wsbench.scenario;

import dev.wsbench.TestLibraries;
import org.junit.jupiter.params.provider.MethodSource;
import dev.wsbench.library.Library;
import dev.wsbench.protocol.Protocol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.server.EchoServer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;

/** Relay, push and broadcast work on every server at a small scale, with every arrival checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioTest {
    private static final int[] SIZES = {12, 125, 126, 8192, 65536, 100000};
    private final Map<Library, EchoServer> servers = new EnumMap<>(Library.class);

    @BeforeAll
    void startServers() throws Exception {
        for (Library type : TestLibraries.servers()) {
            servers.put(type, type.startServer(Settings.LOOPBACK, 0));
        }
    }

    @AfterAll
    void stopServers() throws Exception {
        for (EchoServer server : servers.values()) {
            server.close();
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void relayForwardsBothWays(Library server) throws Exception {
        for (MessageType type : MessageType.values()) {
            for (int size : SIZES) {
                try (RelayPair pair = new RelayPair(servers.get(server).uri(), Message.of(type, size), server + " relay " + type + " " + size)) {
                    for (int i = 0; i < 3; i++) {
                        assertEquals(size, pair.roundTrip());
                    }
                }
            }
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void thirdRelayMemberIsRefused(Library server) throws Exception {
        String path = Protocol.RELAY_PATH + "?pair=full-" + server;
        try (ReferenceEchoClient a = ReferenceEchoClient.connect(servers.get(server).uri(path));
                ReferenceEchoClient b = ReferenceEchoClient.connect(servers.get(server).uri(path))) {
            // A relayed message proves both have joined on the server: a server may run the
            // open callbacks of connections upgraded at nearly the same time in either order
            // (Java-WebSocket's decoder threads did, once in 300), and then b would be the refused one.
            byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
            a.send(MessageType.TEXT, hello, hello.length);
            assertEquals("hello", b.receive().asText());
            try (ReferenceEchoClient c = ReferenceEchoClient.connect(servers.get(server).uri(path))) {
                Exception e = assertThrows(Exception.class, c::receive);
                assertTrue(e.getMessage().contains("1008"), e.getMessage());
            }
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void pushDeliversEveryMessageInOrder(Library server) throws Exception {
        for (int size : SIZES) {
            LatencyLog latency = new LatencyLog();
            latency.startIteration();
            try (PushStream push = new PushStream(servers.get(server).uri(), 50, size, latency, server + " push " + size)) {
                assertEquals(50L * size, push.batch());
                assertEquals(50L * size, push.batch());
            }
            latency.endIteration(true);
            assertEquals(100, latency.measured().getTotalCount());
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void badPushRequestClosesWithReason(Library server) throws Exception {
        try (ReferenceEchoClient client = ReferenceEchoClient.connect(servers.get(server).uri(Protocol.PUSH_PATH))) {
            byte[] request = "push lots 256".getBytes(StandardCharsets.UTF_8);
            client.send(MessageType.TEXT, request, request.length);
            Exception e = assertThrows(Exception.class, client::receive);
            assertTrue(e.getMessage().contains("1008"), e.getMessage());
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void broadcastReachesEveryReceiverExactlyOnce(Library server) {
        for (int size : new int[] {8, 256, 100000}) {
            try (BroadcastGroup group = new BroadcastGroup(servers.get(server).uri(), 10, size, server + " broadcast " + size)) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(10, group.broadcast());
                }
                assertEquals(50, group.delivered());
            }
        }
    }
}
