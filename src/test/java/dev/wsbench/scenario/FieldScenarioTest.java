package dev.wsbench.scenario;

import dev.wsbench.TestLibraries;
import dev.wsbench.FakeServerAccess;
import dev.wsbench.Settings;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.library.EchoClients;
import dev.wsbench.library.Library;
import dev.wsbench.library.netty.NettyEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.server.EchoServer;
import dev.wsbench.server.ServerOptions;
import dev.wsbench.tls.GeneratedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection scaling, open loop, wss and permessage-deflate on every server, at a small scale. */
class FieldScenarioTest {

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void asyncLoadCountsDroppedConnectionsInsteadOfCrashing(Library type) throws Exception {
        LatencyLog latency = new LatencyLog();
        EchoServer server = type.startServer(Settings.LOOPBACK, 0);
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

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void openLoopRecordsEveryEchoOnceOnOneScheduleAcrossIterations(Library type) throws Exception {
        LatencyLog latency = new LatencyLog();
        LatencyLog senderLag = new LatencyLog();
        try (EchoServer server = type.startServer(Settings.LOOPBACK, 0);
                OpenLoopEcho openLoop = new OpenLoopEcho(server.uri(), Message.of(MessageType.BINARY, 256), 2000, latency, senderLag, type + " open loop")) {
            openLoop.start();
            for (int iteration = 0; iteration < 2; iteration++) {
                latency.startIteration();
                senderLag.startIteration();
                openLoop.awaitReceived(openLoop.received() + 300);
                if (iteration == 1) {
                    openLoop.recordOutstanding();
                }
                latency.endIteration(true);
                senderLag.endIteration(true);
            }
            // one schedule: every echo received in the two windows, plus those still due at the end
            long count = latency.measured().getTotalCount();
            assertTrue(count >= 600 && count <= 800, "recorded " + count);
            assertTrue(senderLag.measured().getTotalCount() >= 500, "sender lag values " + senderLag.measured().getTotalCount());
        }
    }

    @Test
    void openLoopChargesMessagesAServerNeverAnsweredAndFailsTheWait() throws Exception {
        // A server that completes the handshake and never echoes: the old open loop stopped its
        // schedule at the iteration's end and recorded nothing for these messages.
        try (FakeServerAccess silent = FakeServerAccess.silent()) {
            LatencyLog latency = new LatencyLog();
            OpenLoopEcho openLoop = new OpenLoopEcho(silent.uri(), Message.of(MessageType.BINARY, 256), 2000, latency, new LatencyLog(), "silent open loop");
            try {
                latency.startIteration();
                openLoop.start();
                Thread.sleep(200);
                openLoop.recordOutstanding();
                latency.endIteration(true);
                long count = latency.measured().getTotalCount();
                assertTrue(count >= 300, "messages due in 200 ms at 2000/s: recorded " + count);
                assertTrue(latency.measured().getMaxValue() >= 150_000_000L, "the oldest waited about 200 ms: " + latency.measured().getMaxValue());
            } finally {
                assertThrows(ScenarioFailedException.class, openLoop::close); // no close frame ever comes
            }
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void handshakeChurnConnectsEchoesAndClosesOverAndOver(Library type) throws Exception {
        Message message = Message.of(MessageType.BINARY, 256);
        try (EchoServer server = type.startServer(Settings.LOOPBACK, 0)) {
            for (int i = 0; i < 200; i++) {
                try (VerifiedEcho echo = new VerifiedEcho(EchoClients.connect(EchoClients.REFERENCE, server.uri()), message, type + " churn " + i)) {
                    assertEquals(256, echo.roundTrip());
                }
            }
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void wssEchoesWithTheGeneratedCertificate(Library type) throws Exception {
        try (EchoServer server = type.startServer(Settings.LOOPBACK, 0, GeneratedCertificate.get().serverOptions())) {
            assertEquals("wss", server.uri().getScheme());
            for (int size : new int[] {0, 256, 8192, 100000}) {
                try (VerifiedEcho echo = new VerifiedEcho(EchoClients.connect(EchoClients.REFERENCE, server.uri()), Message.of(MessageType.BINARY, size), type + " wss " + size)) {
                    assertEquals(size, echo.roundTrip());
                }
            }
        }
    }

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("dev.wsbench.TestLibraries#servers")
    void deflateIsNegotiatedOnlyWhenEnabled(Library type) throws Exception {
        for (boolean deflate : new boolean[] {true, false}) {
            try (EchoServer server = type.startServer(Settings.LOOPBACK, 0, ServerOptions.deflate(deflate))) {
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
