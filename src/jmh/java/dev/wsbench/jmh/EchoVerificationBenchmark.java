package dev.wsbench.jmh;

import dev.wsbench.Timings;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.PayloadSizes;
import dev.wsbench.payload.ReceivedMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the echo check costs: {@link Message#verify} on an echo that matches, exactly as the echo
 * benchmarks call it once per round trip. Subtract it from a round-trip time to see the echo
 * without the check. Excludes everything else (no I/O).
 *
 * <pre>mvn jmh:run -Djmh.args="EchoVerificationBenchmark"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = Timings.WARMUP_ITERATIONS, time = Timings.WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Timings.VERIFICATION_ITERATIONS, time = Timings.VERIFICATION_ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public class EchoVerificationBenchmark extends JmhDefaults {
    @Param({PayloadSizes.SMALL, PayloadSizes.MEDIUM, PayloadSizes.LARGE})
    int size;

    @Param("BINARY")
    MessageType type;

    private Message message;
    private final ReceivedMessage echo = new ReceivedMessage();

    @Setup
    public void prepare() {
        message = Message.of(type, size);
        // A byte-for-byte copy in a separate array, as a client's receive buffer would hold it.
        echo.begin(type);
        echo.append(message.bytes().clone(), 0, size);
    }

    @Benchmark
    public int verify() {
        message.verify(echo, "verification benchmark");
        return echo.length();
    }
}
