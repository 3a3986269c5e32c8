package dev.wsbench.placement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Linux CPU affinity through {@code taskset} (util-linux) and {@code /proc}: which CPUs a thread
 * or the process may run on, and changing that. A thread started later inherits the affinity of
 * the thread that starts it, which is how a placement reaches threads a library creates lazily.
 */
public final class CpuAffinity {
    /** The command that sets affinity (util-linux); also what holds a child process to given CPUs. */
    public static final String TASKSET = "taskset";

    private CpuAffinity() {
    }

    /** The CPUs this process may run on now (its main thread's {@code Cpus_allowed_list}). */
    public static List<Integer> allowedCpus() {
        return cpusOf(Path.of("/proc/self/status"));
    }

    /** The CPUs thread {@code tid} of this process may run on. */
    public static List<Integer> allowedCpus(long tid) {
        return cpusOf(Path.of("/proc/self/task/" + tid + "/status"));
    }

    /** The native id of the calling thread ({@code /proc/thread-self} names it). */
    public static long currentTid() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // "PID/task/TID"
            return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            throw new PlacementException("cannot read /proc/thread-self (placements need Linux): " + e.getMessage());
        }
    }

    /** Native ids of every thread of this process now. */
    public static List<Long> threadIds() {
        List<Long> tids = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(p -> tids.add(Long.parseLong(p.getFileName().toString())));
        } catch (IOException e) {
            throw new PlacementException("cannot list /proc/self/task: " + e.getMessage());
        }
        return tids;
    }

    /** Pins every thread of this process, and so every thread they start, to {@code cpus}. */
    public static void pinProcess(List<Integer> cpus) {
        taskset("-a", "-p", "-c", list(cpus), String.valueOf(ProcessHandle.current().pid()));
    }

    /** Pins the calling thread, and so every thread it starts from now on, to {@code cpus}. */
    public static void pinCurrentThread(List<Integer> cpus) {
        taskset("-p", "-c", list(cpus), String.valueOf(currentTid()));
    }

    /** {@code 0,2,3} for the CPUs 0, 2 and 3: taskset's and /proc's list form. */
    public static String list(List<Integer> cpus) {
        StringBuilder out = new StringBuilder();
        for (int cpu : cpus) {
            out.append(out.length() == 0 ? "" : ",").append(cpu);
        }
        return out.toString();
    }

    /** Parses a CPU list such as {@code 0-3,6}. */
    public static List<Integer> parse(String list) {
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String part : list.trim().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1));
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return new ArrayList<>(cpus);
    }

    private static List<Integer> cpusOf(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parse(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException e) {
            throw new PlacementException("cannot read " + status + " (placements need Linux): " + e.getMessage());
        }
        throw new PlacementException(status + " has no Cpus_allowed_list line");
    }

    private static void taskset(String... args) {
        List<String> command = new ArrayList<>();
        command.add(TASKSET);
        command.addAll(List.of(args));
        // With -a, taskset walks the process's threads; one that ends meanwhile ("No such process")
        // is no failure of ours: run it again, and accept a run whose only errors are such threads.
        for (int attempt = 1; ; attempt++) {
            String errors = run(command);
            if (errors.isEmpty()) {
                return;
            }
            boolean onlyVanished = errors.lines().allMatch(l -> l.contains("No such process"));
            if (!onlyVanished) {
                throw new PlacementException(String.join(" ", command) + " failed: " + errors.lines().findFirst().orElse(""));
            }
            if (attempt == 3) {
                return;
            }
        }
    }

    /** Runs taskset; returns its error lines ("" when it succeeded). */
    private static String run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PlacementException("taskset was not found (" + e.getMessage() + "); it is part of util-linux:"
                    + " install it (Debian/Ubuntu: apt-get install util-linux; Fedora/RHEL: dnf install util-linux) or run with -p placement=FREE");
        }
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PlacementException(String.join(" ", command) + " did not finish within 10 s");
            }
            if (process.exitValue() == 0) {
                return "";
            }
            StringBuilder errors = new StringBuilder();
            output.lines().filter(l -> l.startsWith("taskset:")).forEach(l -> errors.append(l).append('\n'));
            return errors.length() > 0 ? errors.toString() : "exit " + process.exitValue() + "\n";
        } catch (IOException | InterruptedException e) {
            throw new PlacementException(String.join(" ", command) + " failed: " + e);
        }
    }
}
