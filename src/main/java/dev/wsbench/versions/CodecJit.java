package dev.wsbench.versions;

import dev.wsbench.Arguments.UsageException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the JIT compiles a comparison's codec forks ({@code --codec-jit}). Echo forks always run with
 * the JVM's defaults.
 *
 * <p>Why there is a choice: with tiered compilation a codec fork's steady level is set when C2's
 * compilations land, from profiles C1 gathered, and the same code then settles at one of two levels
 * fork to fork (Netty's 100000-byte parsing at about 12.5 and 18 µs, one fork in five to one in two
 * fast). A pair whose two forks drew different levels reads 30-40 %, which hides a 5 % change. With
 * C2 alone (the interpreter gathers the profiles) every Netty parsing row had one level. It is a
 * different compiled program from what a default JVM runs (Netty's 100000-byte parsing at the slow
 * level, Jetty's parsing 1-18 % slower), so it is an option, not the default: measured in
 * docs/comparing-versions.md, "Measured on 2026-12-05".
 */
enum CodecJit {
    /** The JVM's default: tiered compilation, C1 then C2. */
    TIERED(List.of()),
    /** C2 alone: {@code -XX:-TieredCompilation}. */
    C2(List.of("-XX:-TieredCompilation"));

    static final CodecJit DEFAULT = TIERED;

    private final List<String> jvmArgs;

    CodecJit(List<String> jvmArgs) {
        this.jvmArgs = jvmArgs;
    }

    /** The options a codec fork's JVM gets for this setting (none for the default). */
    List<String> jvmArgs() {
        return jvmArgs;
    }

    /** The name on the command line: {@code tiered}, {@code c2}. */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws UsageException naming the choices for anything else */
    static CodecJit named(String name) {
        return Arrays.stream(values()).filter(j -> j.cliName().equals(name)).findFirst().orElseThrow(() -> new UsageException(
                "--codec-jit takes " + Arrays.stream(values()).map(CodecJit::cliName).collect(Collectors.joining(" or ")) + ", not '" + name + "'"));
    }

    /** For the console and the comparison's note. */
    String describe() {
        return this == TIERED ? "codec forks compiled as the JVM's default (tiered; --codec-jit c2: C2 alone)"
                : "codec forks compiled by C2 alone (" + String.join(" ", jvmArgs) + ")";
    }
}
