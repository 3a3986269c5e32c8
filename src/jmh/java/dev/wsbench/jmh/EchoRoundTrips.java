package dev.wsbench.jmh;

import dev.wsbench.client.VerifiedEcho;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two timed methods every echo benchmark shares (JMH runs inherited {@code @Benchmark} methods
 * under each subclass's name): throughput and the round-trip time distribution of one checked echo
 * on the connection the subclass opened in its trial setup.
 */
public abstract class EchoRoundTrips extends JmhDefaults {

    /** Set by the subclass's {@code @Setup(Level.Trial)}. */
    protected VerifiedEcho echo;

    @TearDown(Level.Trial)
    public void disconnect() throws Exception {
        if (echo != null) {
            echo.close();
        }
    }

    /** Round trips per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int roundTrip(ServerEvents events) {
        return echo.roundTrip();
    }

    /** Round-trip time distribution (p50, p99, p99.9 in JMH's table). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int roundTripLatency(ServerEvents events) {
        return echo.roundTrip();
    }
}
