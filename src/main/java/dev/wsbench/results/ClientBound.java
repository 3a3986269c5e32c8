package dev.wsbench.results;

import dev.wsbench.ParamNames;
import dev.wsbench.placement.CpuProfiler;
import java.util.List;
import java.util.Locale;

/**
 * Rows whose figure says more about the client than about the server: where the rest of the process
 * (the client, with JMH, the JIT and the GC) used more than {@value #RATIO} times the server's
 * threads' CPU per operation. A faster server then moves the figure little, and a comparison of
 * servers through that client compares mostly the client (uWebSockets' author found he had been
 * benchmarking his client).
 *
 * <p>The margin is from measurement on the project's 2-vCPU VM, every server, echo at three sizes,
 * FREE and ONE_CPU: with the suite's reference client the rest of the process used 0.09-1.06 times
 * the server's CPU (2026-11-26), 0.10-0.98 times (2026-12-03, three forks a row); with the
 * libraries' own clients against Netty's server (2026-11-26, FREE), Vert.x's used 1.85-2.58 times,
 * Tomcat's 2.40-3.35 and OkHttp's 4.23-5.55. 1.5 lies between the two groups. Only rows with a
 * server under test (a {@code server} parameter): raw TCP's echo, whose client and server are the
 * same few lines, read 0.97-1.26 (2026-11-26) and 1.33-1.60 (2026-12-03), the JIT and JMH's own
 * threads weighing more beside so small a server; it is the floor, not a server. Needs both CPU
 * figures ({@link CpuProfiler}): a row without them is never flagged.
 */
public final class ClientBound {
    /** The rest of the process's CPU per operation, as a multiple of the server's, above which a row is client-bound. */
    public static final double RATIO = 1.5;

    private ClientBound() {
    }

    /** The rest of the process's CPU per operation divided by the server threads', or NaN without both figures. */
    public static double ratio(JmhResult r) {
        Double process = r.secondary().get(CpuProfiler.PROCESS_METRIC);
        Double server = r.secondary().get(CpuProfiler.SERVER_METRIC);
        if (process == null || server == null || !(server > 0)) {
            return Double.NaN;
        }
        return (process - server) / server;
    }

    public static boolean isClientBound(JmhResult r) {
        return r.param(ParamNames.SERVER) != null && ratio(r) > RATIO;
    }

    /** "4.2× the server's", for a table cell; empty when the row is not client-bound. */
    static String cell(JmhResult r) {
        return isClientBound(r) ? String.format(Locale.ROOT, "client-bound: %.1f× the server's", ratio(r)) : "";
    }

    /**
     * A Markdown list of every client-bound row of a run, echo and scenarios alike, with the rule;
     * empty when there is none.
     */
    static String markdown(List<JmhResult> results) {
        StringBuilder out = new StringBuilder();
        for (JmhResult r : results) {
            if (isClientBound(r)) {
                out.append(String.format(Locale.ROOT, "| %s | %.1f× |%n", r.stableName(), ratio(r)));
            }
        }
        if (out.length() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%nClient-bound rows: the rest of the process (client, JMH, JIT, GC) used more than %.1f× the"
                + " server's CPU per operation, so the figure says as much about the client as about the server:%n"
                + "| row | rest of the process / server CPU |%n|---|---:|%n", RATIO) + out;
    }
}
