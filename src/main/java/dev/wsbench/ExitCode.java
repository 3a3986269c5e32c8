package dev.wsbench;

/**
 * The exit codes of the comparison commands ({@code bin/compare}, {@code bin/compare-versions},
 * {@code bin/sweep-versions}, {@code mvn jmh:compare}), one home for all of them. Each run also prints {@link #resultLine()}
 * last, because Maven exits 1 for any failed goal whatever the tool inside returned, so a caller
 * behind Maven reads the line instead.
 */
public enum ExitCode {
    /** Compared, and nothing got worse beyond the threshold. */
    NO_REGRESSION(0, "no regression beyond the threshold"),
    /** A significant change (after Holm's correction) whose whole interval lies beyond the threshold in the worse direction. */
    REGRESSION(1, "regression beyond the threshold"),
    /** Unusable input or options, or a fork that failed: nothing was compared. */
    UNUSABLE(2, "unusable input or options, or a fork failed");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** {@code compare result: 1 (regression beyond the threshold)}: the last line of every comparison. */
    public String resultLine() {
        return "compare result: " + code + " (" + meaning + ")";
    }

    /** Prints {@link #resultLine()} and exits the JVM with this code. */
    public void exit() {
        System.out.println(resultLine());
        System.out.flush();
        System.exit(code);
    }
}
