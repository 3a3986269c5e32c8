package dev.wsbench.maven;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code -Djmh.args} string the way a shell would (quotes group, backslash escapes) and fills in the suite's fixed options. */
final class JmhArgs {
    private JmhArgs() {
    }

    static List<String> split(String line) {
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
    static String valueOf(List<String> args, String option) {
        int at = args.indexOf(option);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
    }

    /**
     * Adds {@code -foe true} (a failing benchmark fails the build) and a result file unless the user
     * chose them: JSON by default, written to {@code defaultFile} with the format's extension.
     */
    static List<String> withSuiteOptions(List<String> user, String defaultFileWithoutExtension) {
        List<String> args = new ArrayList<>(user);
        if (!args.contains("-foe")) {
            args.add("-foe");
            args.add("true");
        }
        if (!args.contains("-rf")) {
            args.add("-rf");
            args.add("json");
        }
        if (!args.contains("-rff")) {
            String format = valueOf(args, "-rf").toLowerCase(java.util.Locale.ROOT);
            args.add("-rff");
            args.add(defaultFileWithoutExtension + "." + (format.equals("text") ? "txt" : format));
        }
        return args;
    }
}
