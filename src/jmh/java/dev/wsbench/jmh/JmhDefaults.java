package dev.wsbench.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The suite's shared JMH defaults, in one place: every benchmark class extends this (JMH reads
 * these annotations from superclasses). Override any of them on the command line as usual
 * ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}); add JVM options with
 * {@code -jvmArgsPrepend}, since {@code -jvmArgsAppend} would replace the ones below.
 *
 * <p>One fork of 2 x 1 s warm-up and 5 x 1 s measurement keeps the default run within its
 * 10-minute budget on a 2-core machine; the regression profile uses more forks. A fixed heap keeps
 * heap resizing out of the measurement. The Vector API module is added for
 * {@code MaskingKernel.XOR_VECTOR} (the JVM prints one incubator warning per fork).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class JmhDefaults {
}
