package dev.wsbench.scenario;

import dev.wsbench.library.Library;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory probe starts a server in its own process, holds the connections and gets an answer at each count. */
class IdleConnectionMemoryTest {

    @Test
    void measuresAtEveryCountFromTheServersOwnProcess() throws Exception {
        List<IdleConnectionMemory.Step> steps = IdleConnectionMemory.measure(Library.NETTY, List.of(10, 30));
        assertEquals(2, steps.size());
        assertEquals(10, steps.get(0).connections());
        assertEquals(30, steps.get(1).connections());
        for (IdleConnectionMemory.Step step : steps) {
            // correctness only: both figures were read (no value is asserted)
            assertTrue(Double.isFinite(step.heapBytesPerConnection()) && Double.isFinite(step.rssBytesPerConnection()), step.toString());
        }
    }
}
