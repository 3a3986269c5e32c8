package dev.wsbench.cli;

import dev.wsbench.placement.CpuProfiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What {@code mvn jmh:run} turns into JMH's command line: a {@code -Djmh.args} string split the way
 * a shell would (quotes group, backslash escapes), or a named set ({@code jmh.set.NAME}, defined in
 * {@code pom.xml} and handed over by the plugin as system properties), plus the suite's fixed options.
 */
public final class JmhArgs {
    /** The prefix of the properties that define benchmark sets. */
    public static final String SET_PREFIX = "jmh.set.";

    private JmhArgs() {
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        if (line == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    current.append(line.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced " + quote + " quote in jmh.args: " + line);
        }
        if (inToken) {
            out.add(current.toString());
        }
        return out;
    }

    /** The value following {@code option}, or null. */
    public static String valueOf(List<String> args, String option) {
        int at = args.indexOf(option);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
    }

    /** The profiler that gives every row its CPU per operation ({@code cpu.us/op}, {@code cpu.server.us/op}). */
    public static final String CPU_PROFILER = CpuProfiler.class.getName();

    /**
     * Adds {@code -foe true} (a failing benchmark fails the build), the CPU profiler (so that every
     * row reports its CPU per operation, whatever the placement) and a result file, unless the
     * user chose them: JSON by default, written to {@code defaultFile} with the format's extension.
     */
    public static List<String> withSuiteOptions(List<String> user, String defaultFileWithoutExtension) {
        List<String> args = new ArrayList<>(user);
        if (!args.contains("-foe")) {
            args.add("-foe");
            args.add("true");
        }
        if (!args.contains(CPU_PROFILER)) {
            args.add("-prof");
            args.add(CPU_PROFILER);
        }
        if (!args.contains("-rf")) {
            args.add("-rf");
            args.add("json");
        }
        if (!args.contains("-rff")) {
            String format = valueOf(args, "-rf").toLowerCase(Locale.ROOT);
            args.add("-rff");
            args.add(defaultFileWithoutExtension + "." + (format.equals("text") ? "txt" : format));
        }
        return args;
    }

    /**
     * The JMH arguments of the set {@code name}, looked up in {@code sets} (property name to value).
     *
     * @throws IllegalArgumentException naming the sets that exist, when there is none of that name
     */
    public static List<String> ofSet(String name, Properties sets) {
        String value = sets.getProperty(SET_PREFIX + name);
        if (value == null) {
            TreeSet<String> known = new TreeSet<>();
            for (String key : sets.stringPropertyNames()) {
                if (key.startsWith(SET_PREFIX)) {
                    known.add(key.substring(SET_PREFIX.length()));
                }
            }
            throw new IllegalArgumentException("unknown benchmark set '" + name + "'; sets defined in pom.xml (jmh.set.NAME properties): "
                    + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        return split(value);
    }
}
