package dev.wsbench;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hand-written command lines ({@code results.Compare}, {@code versions.ComparisonRequest})
 * share: an option's value, a bounded number, a duration, and the one-line error a bad one gets.
 */
public final class Arguments {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?");

    private Arguments() {
    }

    /** A problem with what the user asked for; its message is the one line they see (exit code 2). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /** The value after {@code option} at {@code args[i]}; another option there counts as missing. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** {@code text} as a number in [min, max] (a trailing % is allowed, for percentages). */
    public static double number(String text, String option, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a number, got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new UsageException(option + " must be between " + plain(min) + " and " + plain(max) + ", got " + text);
        }
        return v;
    }

    /** {@code 15m}, {@code 90s}, {@code 1h30m}, or a bare number of minutes. */
    public static Duration duration(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 60_000));
        }
        Matcher m = DURATION.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new UsageException(option + " takes a duration such as 15m, 90s or 1h30m, got '" + text + "'");
        }
        long seconds = 0;
        seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
        seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Duration.ofSeconds(seconds);
    }

    /** {@code 5} for 5.0, {@code 2.5} for 2.5: a number as the user would type it. */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
