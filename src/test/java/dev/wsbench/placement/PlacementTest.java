package dev.wsbench.placement;

import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.library.Library;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.server.EchoServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The placements take effect: every thread of the process (read from /proc/self/task/TID/status)
 * sits in the CPU set its placement gives it, server threads included, while a server echoes;
 * afterwards the process has its CPUs back. These tests pin this test JVM for a moment.
 */
class PlacementTest {

    @Test
    void oneCpuPutsEveryThreadOnOneCpuAndUndoRestores() throws Exception {
        List<Integer> allowed = CpuAffinity.allowedCpus();
        Placement.Applied placed = Placement.ONE_CPU.apply(allowed);
        try {
            EchoServer server = placed.startServer(() -> Library.NETTY.startServer(Settings.LOOPBACK, 0));
            try {
                echo(server);
                List<Integer> one = List.of(allowed.get(allowed.size() - 1));
                for (long tid : CpuAffinity.threadIds()) {
                    assertEquals(one, cpusOrNull(tid, one), "thread " + tid + " (" + comm(tid) + ") under ONE_CPU");
                }
            } finally {
                server.close();
            }
        } finally {
            placed.undo();
        }
        assertEquals(allowed, CpuAffinity.allowedCpus(), "the process has its CPUs back");
        assertEquals(allowed, CpuAffinity.allowedCpus(CpuAffinity.currentTid()));
    }

    @Test
    void splitPutsServerThreadsOnTheServerCpuAndEverythingElseOnTheOthers() throws Exception {
        List<Integer> allowed = CpuAffinity.allowedCpus();
        assumeTrue(allowed.size() >= 2, "needs 2 CPUs");
        Placement.Applied placed = Placement.SPLIT.apply(allowed);
        List<Integer> serverCpus = placed.serverCpus();
        List<Integer> clientCpus = allowed.subList(0, allowed.size() - 1);
        try {
            // Java-WebSocket's server threads have names no client thread has (WebSocketSelector-N, WebSocketWorker-N).
            EchoServer server = placed.startServer(() -> Library.JAVA_WEBSOCKET.startServer(Settings.LOOPBACK, 0));
            try {
                echo(server);
                Set<String> serverNames = new HashSet<>();
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (ServerThreads.isServerThread(t)) {
                        serverNames.add(t.getName().length() > 15 ? t.getName().substring(0, 15) : t.getName());
                    }
                }
                assertTrue(serverNames.contains("WebSocketWorker"), "server threads found: " + serverNames);
                int serverThreads = 0;
                for (long tid : CpuAffinity.threadIds()) {
                    String name = comm(tid);
                    List<Integer> expected = serverNames.contains(name) ? serverCpus : clientCpus;
                    serverThreads += expected == serverCpus ? 1 : 0;
                    assertEquals(expected, cpusOrNull(tid, expected), "thread " + tid + " (" + name + ") under SPLIT");
                }
                assertTrue(serverThreads >= 2, "server threads seen in /proc: " + serverThreads);
                assertEquals(clientCpus, CpuAffinity.allowedCpus(CpuAffinity.currentTid()), "the client (this thread)");
            } finally {
                server.close();
            }
        } finally {
            placed.undo();
        }
        assertEquals(allowed, CpuAffinity.allowedCpus());
    }

    @Test
    void tooFewCpusFailsAtSetupWithOneLine() {
        PlacementException e = assertThrows(PlacementException.class, () -> Placement.SPLIT.apply(List.of(1)));
        assertTrue(e.getMessage().startsWith("placement SPLIT needs 2 CPUs") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void serverCpuNeverGoesNegativeWhenAServerThreadEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch spun = new CountDownLatch(1);
        Thread worker = ServerThreads.start(null, () -> {
            Thread t = new Thread(() -> {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                while (threads.getCurrentThreadCpuTime() < 100_000_000L) {
                    Thread.onSpinWait(); // use 100 ms of CPU time, however long that takes on a busy machine
                }
                spun.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "server-side-worker");
            t.start();
            return t;
        });
        assertTrue(spun.await(Settings.TIMEOUT.toMillis() * 10, TimeUnit.MILLISECONDS),
                "the worker did not get 100 ms of CPU");
        assertTrue(ServerThreads.isServerThread(worker), "a thread started by a server thread is a server thread");
        Map<Long, Long> before = ServerThreads.cpuSnapshot();
        assertTrue(before.getOrDefault(worker.getId(), 0L) > 50_000_000L, "the worker used CPU: " + before);
        release.countDown();
        worker.join();
        // a sum over the live group would now be 100 ms lower than before: a negative CPU per operation
        assertTrue(ServerThreads.cpuNanosBetween(before, ServerThreads.cpuSnapshot()) >= 0);
    }

    @Test
    void cpuListsParseAsTasksetWritesThem() {
        assertEquals(List.of(0, 1, 2, 3, 6), CpuAffinity.parse("0-3,6"));
        assertEquals("0,1,2,3,6", CpuAffinity.list(CpuAffinity.parse("0-3,6\n")));
    }

    private static void echo(EchoServer server) throws Exception {
        try (VerifiedEcho echo = new VerifiedEcho(ReferenceEchoClient.connect(server.uri()), Message.of(MessageType.BINARY, 8192), "placement")) {
            for (int i = 0; i < 50; i++) {
                echo.roundTrip();
            }
        }
    }

    /** The thread's CPUs, or {@code ifGone} when it ended between listing and reading. */
    private static List<Integer> cpusOrNull(long tid, List<Integer> ifGone) {
        try {
            return CpuAffinity.allowedCpus(tid);
        } catch (PlacementException gone) {
            return ifGone;
        }
    }

    private static String comm(long tid) {
        try {
            return Files.readString(Path.of("/proc/self/task/" + tid + "/comm")).strip();
        } catch (IOException gone) {
            return "(ended)";
        }
    }
}
