package dev.wsbench.jmh;

import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.scenario.RelayPair;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Relay ping-pong (Lemire's WebSocket ping-pong): two reference clients paired on the server,
 * which forwards each message from one to the other. One round trip = A to B and back through the
 * server, two forwards, both arrivals checked byte for byte (see {@link RelayPair}).
 *
 * <p>Measures the server receiving a message on one connection and sending it on another, twice,
 * plus loopback. Excludes server start and both handshakes (trial setup). Binary messages only.
 *
 * <pre>mvn jmh:run -Djmh.args="RelayBenchmark"</pre>
 */
@State(Scope.Thread)
public class RelayBenchmark extends JmhDefaults {
    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    private RelayPair pair;

    @Setup(Level.Trial)
    public void connect(ServerState server) {
        pair = new RelayPair(server.instance.uri(), Message.of(MessageType.BINARY, size), "server=" + server.server + " scenario=relay size=" + size);
        pair.roundTrip(); // fail before warm-up if the pair cannot relay at all
    }

    @TearDown(Level.Trial)
    public void disconnect() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    /** Relayed round trips per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int roundTrip(ServerEvents events) {
        return pair.roundTrip();
    }

    /** Relayed round-trip time distribution. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int roundTripLatency(ServerEvents events) {
        return pair.roundTrip();
    }
}
