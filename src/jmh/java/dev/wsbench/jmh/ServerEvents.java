package dev.wsbench.jmh;

import dev.wsbench.library.javawebsocket.JavaWebSocketEchoServer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * What the suite had to do to a server during an iteration, as JMH secondary metrics so that the
 * JSON, {@code jmh:compare} and the printed tables carry it with the row it happened in.
 * {@code javaWebSocketRescues}: lost writes re-armed by the Java-WebSocket adapter (see
 * {@link JavaWebSocketEchoServer}); always 0 for the other servers and for a remote target. Counted
 * once per process (by JMH thread 0), summed by JMH over the measured iterations.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ServerEvents {
    public long javaWebSocketRescues;
    private long atStart;

    @Setup(Level.Iteration)
    public void start() {
        atStart = JavaWebSocketEchoServer.rescuedInProcess();
    }

    @TearDown(Level.Iteration)
    public void end(ThreadParams thread) {
        javaWebSocketRescues = thread.getThreadIndex() == 0 ? JavaWebSocketEchoServer.rescuedInProcess() - atStart : 0;
    }
}
