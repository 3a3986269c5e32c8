package dev.wsbench.jmh;

import dev.wsbench.server.ServerInterventions;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * What the suite had to do to a server during an iteration ({@link ServerInterventions}), as a JMH
 * secondary metric so that the JSON, the comparisons and the printed tables carry it with the row it
 * happened in; 0 for a server that never needs it and for a remote target. Counted once per process
 * (by JMH thread 0), summed by JMH over the measured iterations. The field's name is the metric's
 * ({@link ServerInterventions#METRIC}, checked by {@code NamesTest}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ServerEvents {
    public long serverInterventions;
    private long atStart;

    @Setup(Level.Iteration)
    public void start() {
        atStart = ServerInterventions.inProcess();
    }

    @TearDown(Level.Iteration)
    public void end(ThreadParams thread) {
        serverInterventions = thread.getThreadIndex() == 0 ? ServerInterventions.inProcess() - atStart : 0;
    }
}
