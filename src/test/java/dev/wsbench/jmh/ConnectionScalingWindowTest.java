package dev.wsbench.jmh;

import dev.wsbench.library.Library;
import dev.wsbench.placement.Placement;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connection scaling counts only round trips completed inside an iteration: the closed loop keeps
 * running while JMH pauses between iterations, and what completes there must not be credited to
 * the next iteration (it was, before 2026-11-26: the first calls of an iteration returned at once).
 */
class ConnectionScalingWindowTest {

    @Test
    void completionsBetweenIterationsCountInNoIteration() throws Exception {
        ServerState server = new ServerState();
        server.server = Library.NETTY;
        server.placement = Placement.FREE;
        server.start();
        ConnectionScalingBenchmark benchmark = new ConnectionScalingBenchmark();
        benchmark.connections = 4;
        benchmark.size = 256;
        ConnectionScalingBenchmark.Errors errors = new ConnectionScalingBenchmark.Errors();
        ServerEvents events = new ServerEvents();
        try {
            benchmark.connect(server, new LatencyState());
            benchmark.openWindow();
            for (int i = 0; i < 5; i++) { // iteration 1
                benchmark.roundTrips(errors, events);
            }
            Thread.sleep(300); // JMH's pause between iterations: the four connections keep echoing
            long doneBeforeIteration2 = benchmark.load.completed();
            benchmark.openWindow();
            long firstBatchEndsAt = benchmark.roundTrips(errors, events);
            assertTrue(firstBatchEndsAt >= doneBeforeIteration2 + ConnectionScalingBenchmark.BATCH,
                    "the first batch of iteration 2 ended at completion " + firstBatchEndsAt + ", but " + doneBeforeIteration2
                            + " round trips were already done before the iteration began");
        } finally {
            if (benchmark.load != null) {
                benchmark.load.close();
            }
            server.stop();
        }
    }
}
