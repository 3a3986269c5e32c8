package dev.wsbench.placement;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Where a benchmark fork's threads run: a JMH {@code @Param} of every benchmark that opens a
 * connection, so it is in the JSON and {@code jmh:compare} keeps placements apart. On a small VM
 * it decides most of a small round trip: waking a thread on another CPU costs tens to hundreds of
 * microseconds there, more than any library's code.
 *
 * <ul>
 *   <li>{@link #FREE}: the OS places threads (as a plain {@code java} process would run).</li>
 *   <li>{@link #ONE_CPU}: the whole process (client, server, JIT, GC) on one CPU, the last one it
 *       may use: no cross-CPU wake-ups, so rates show what the code costs.</li>
 *   <li>{@link #SPLIT}: the server's threads on the last allowed CPU, everything else (the client,
 *       JMH, JIT, GC) on the others: client and server do not compete for a CPU, and every round
 *       trip crosses CPUs twice.</li>
 * </ul>
 *
 * The affinity is set at trial setup with {@code taskset} and undone at teardown; a placement that
 * needs more CPUs than the process may use fails at setup with one line saying so.
 */
public enum Placement {
    FREE("threads placed by the OS"),
    ONE_CPU("the whole fork on one CPU"),
    SPLIT("the server on its own CPU, the rest on the others");

    private final String inWords;

    Placement(String inWords) {
        this.inWords = inWords;
    }

    /** What the placement means, for a chart's title: "the whole fork on one CPU (ONE_CPU)". */
    public String inWords() {
        return inWords + " (" + name() + ")";
    }

    /** {@link #inWords} of the placement named {@code name}, or {@code name} itself when it names none (a result from another version). */
    public static String inWords(String name) {
        for (Placement p : values()) {
            if (p.name().equals(name)) {
                return p.inWords();
            }
        }
        return name;
    }

    /** What a placement did, to start the server under it and to undo it. */
    public final class Applied {
        private final List<Integer> before;
        private final List<Integer> serverCpus;

        private Applied(List<Integer> before, List<Integer> serverCpus) {
            this.before = before;
            this.serverCpus = serverCpus;
        }

        /** Starts the server from a thread of the server group, on the server's CPUs (see {@link ServerThreads}). */
        public <T> T startServer(Callable<T> start) throws Exception {
            return ServerThreads.start(serverCpus, start);
        }

        /** The CPUs the server's threads are on, or null when the OS places them. */
        public List<Integer> serverCpus() {
            return serverCpus;
        }

        /** Gives the whole process back the CPUs it had before. */
        public void undo() {
            if (Placement.this != FREE) {
                CpuAffinity.pinProcess(before);
            }
        }

        /** Closes {@code server} (when there is one), then undoes the placement even if closing failed. */
        public void stop(AutoCloseable server) throws Exception {
            CpuProfiler.serverStopping(); // JMH tears a trial down inside its last iteration: that iteration's CPU ends here
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                undo();
            }
        }
    }

    /**
     * Applies this placement to the process, given the CPUs it may use now, before the server is
     * started with {@link Applied#startServer}.
     *
     * @throws PlacementException when there are too few CPUs or {@code taskset} is missing
     */
    public Applied apply(List<Integer> allowed) {
        switch (this) {
            case FREE:
                return new Applied(allowed, null);
            case ONE_CPU: {
                List<Integer> one = List.of(allowed.get(allowed.size() - 1));
                CpuAffinity.pinProcess(one);
                return new Applied(allowed, one);
            }
            default: {
                if (allowed.size() < 2) {
                    throw new PlacementException("placement SPLIT needs 2 CPUs (one for the client, one for the server); this process may use only CPU "
                            + CpuAffinity.list(allowed) + ": run on a machine (or under a taskset) with at least 2, or use -p placement=FREE,ONE_CPU");
                }
                List<Integer> server = List.of(allowed.get(allowed.size() - 1));
                List<Integer> client = allowed.subList(0, allowed.size() - 1);
                CpuAffinity.pinProcess(client);
                return new Applied(allowed, server);
            }
        }
    }

    /**
     * {@link #apply(List)} with the CPUs this process may use now. {@link #FREE} reads nothing, so
     * it works where there is no {@code /proc} (only the pinned placements need Linux).
     */
    public Applied apply() {
        return this == FREE ? apply(List.of()) : apply(CpuAffinity.allowedCpus());
    }
}
