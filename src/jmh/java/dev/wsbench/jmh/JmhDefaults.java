package dev.wsbench.jmh;

import dev.wsbench.Timings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The suite's shared JMH defaults, in one place: every benchmark class extends this (JMH reads
 * these annotations from superclasses). Override any of them on the command line as usual
 * ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}); add JVM options with
 * {@code -jvmArgsPrepend}, since {@code -jvmArgsAppend} would replace the ones below.
 *
 * <p>One fork; the warm-up and measurement of every benchmark are in {@link Timings} (the
 * defaults: 2 x 1 s warm-up, 5 x 1 s measured); the regression profile uses more forks. A fixed heap keeps
 * heap resizing out of the measurement. The Vector API module is added for
 * {@code MaskingKernel.XOR_VECTOR} (the JVM prints one incubator warning per fork).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = Timings.WARMUP_ITERATIONS, time = Timings.WARMUP_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Timings.ITERATIONS, time = Timings.ITERATION_MS, timeUnit = TimeUnit.MILLISECONDS)
public abstract class JmhDefaults {
}
