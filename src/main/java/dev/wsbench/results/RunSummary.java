package dev.wsbench.results;

import java.nio.file.Path;
import java.util.List;

/**
 * The tables printed after a run: echo (with ratios to raw TCP), the client-bound rows
 * ({@link ClientBound}), masking, parsing. For a result
 * file of an earlier run: {@code java -cp ... dev.wsbench.results.RunSummary RESULT.json}.
 */
public final class RunSummary {
    private RunSummary() {
    }

    /** Every table that has rows in {@code results}, Markdown, each with a one-line heading. */
    public static String markdown(List<JmhResult> results) {
        String echo = EchoSummary.markdown(results);
        String heading = echo.isEmpty() ? "" : "\nEcho round trips per placement, as a ratio to the raw TCP echo of the same size and placement in this run, with CPU per round trip:\n";
        return heading + echo + ClientBound.markdown(results) + FrameSummary.markdown(results);
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: RunSummary RESULT.json");
            System.exit(2);
        }
        try {
            System.out.print(markdown(JmhResultFile.read(Path.of(args[0]))));
        } catch (ResultFileException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
