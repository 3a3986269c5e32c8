package dev.wsbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.Settings;
import dev.wsbench.VerifiedEcho;
import dev.wsbench.client.EchoClientType;
import dev.wsbench.client.NettyEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.server.EchoServer;
import dev.wsbench.server.EchoServerType;
import dev.wsbench.server.ServerOptions;
import dev.wsbench.tls.GeneratedCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connection scaling, open loop, wss and permessage-deflate on every server, at a small scale. */
class FieldScenarioTest {

    @ParameterizedTest
    @EnumSource(EchoServerType.class)
    void asyncLoadCountsDroppedConnectionsInsteadOfCrashing(EchoServerType type) throws Exception {
        LatencyLog latency = new LatencyLog();
        EchoServer server = type.start(Settings.LOOPBACK, 0);
        try (AsyncEchoLoad load = new AsyncEchoLoad(server.uri(), 20, Message.of(MessageType.BINARY, 256), latency, type + " scaling")) {
            assertEquals(20, load.open());
            assertEquals(0, load.errors());
            load.start();
            load.awaitCompleted(2000);
            assertTrue(latency.measured().getTotalCount() == 0); // nothing kept before endIteration
            latency.endIteration(true);
            assertTrue(latency.measured().getTotalCount() >= 2000);
            server.close();
            ScenarioFailedException e = assertThrows(ScenarioFailedException.class, () -> load.awaitCompleted(Long.MAX_VALUE));
            assertEquals(20, load.errors(), e.getMessage());
            assertEquals(0, load.open());
            assertTrue(e.getMessage().contains(type + " scaling") && e.getMessage().contains("0 connections open"), e.getMessage());
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(EchoServerType.class)
    void openLoopReceivesEverythingItSentAndRecordsEachEcho(EchoServerType type) throws Exception {
        LatencyLog latency = new LatencyLog();
        try (EchoServer server = type.start(Settings.LOOPBACK, 0);
                OpenLoopEcho openLoop = new OpenLoopEcho(server.uri(), Message.of(MessageType.BINARY, 256), 2000, latency, type + " open loop")) {
            for (int iteration = 0; iteration < 2; iteration++) {
                latency.startIteration();
                openLoop.startSchedule();
                long end = System.nanoTime() + 150_000_000L;
                int received = 0;
                while (System.nanoTime() < end) {
                    openLoop.receive();
                    received++;
                }
                openLoop.stopAndDrain();
                latency.endIteration(true);
                assertTrue(received > 100, "received " + received);
            }
            // every echo recorded exactly once: about 2 x 150 ms x 2000/s
            long count = latency.measured().getTotalCount();
            assertTrue(count >= 550 && count <= 700, "recorded " + count);
        }
    }

    @ParameterizedTest
    @EnumSource(EchoServerType.class)
    void handshakeChurnConnectsEchoesAndClosesOverAndOver(EchoServerType type) throws Exception {
        Message message = Message.of(MessageType.BINARY, 256);
        try (EchoServer server = type.start(Settings.LOOPBACK, 0)) {
            for (int i = 0; i < 200; i++) {
                try (VerifiedEcho echo = new VerifiedEcho(EchoClientType.REFERENCE.connect(server.uri()), message, type + " churn " + i)) {
                    assertEquals(256, echo.roundTrip());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EchoServerType.class)
    void wssEchoesWithTheGeneratedCertificate(EchoServerType type) throws Exception {
        try (EchoServer server = type.start(Settings.LOOPBACK, 0, new ServerOptions(GeneratedCertificate.get().server(), false))) {
            assertEquals("wss", server.uri().getScheme());
            for (int size : new int[] {0, 256, 8192, 100000}) {
                try (VerifiedEcho echo = new VerifiedEcho(EchoClientType.REFERENCE.connect(server.uri()), Message.of(MessageType.BINARY, size), type + " wss " + size)) {
                    assertEquals(size, echo.roundTrip());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EchoServerType.class)
    void deflateIsNegotiatedOnlyWhenEnabled(EchoServerType type) throws Exception {
        for (boolean deflate : new boolean[] {true, false}) {
            try (EchoServer server = type.start(Settings.LOOPBACK, 0, new ServerOptions(null, deflate))) {
                NettyEchoClient client = NettyEchoClient.connect(server.uri(), true);
                try (VerifiedEcho echo = new VerifiedEcho(client, Message.json(100000), type + " deflate=" + deflate)) {
                    assertEquals(deflate, client.compressing(), type + " deflate=" + deflate);
                    assertEquals(100000, echo.roundTrip());
                    assertEquals(256, new VerifiedEcho(client, Message.of(MessageType.BINARY, 256), "random").roundTrip());
                }
            }
        }
    }
}
