package dev.wsbench.library;

import dev.wsbench.server.EchoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one echo server until the process is stopped, so that clients in other processes or on
 * other hosts can be measured against the same server code the benchmarks use.
 *
 * <pre>mvn jmh:serve -Dserver=netty -Dhost=0.0.0.0 -Dport=8080</pre>
 * or, with the classpath at hand, {@code java dev.wsbench.library.StandaloneServer --server netty --port 8080}.
 */
public final class StandaloneServer {
    private static final String USAGE = "usage: StandaloneServer --server NAME [--host ADDRESS] [--port PORT]\n"
            + "  NAME: " + String.join(", ", Library.withServer().stream().map(Library::cliName).toList()) + "\n"
            + "  ADDRESS defaults to 127.0.0.1 (use 0.0.0.0 to accept other hosts), PORT to 8080 (0 picks a free one)";

    private StandaloneServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Parses the options, starts the server and blocks until the JVM shuts down. Returns 2 for bad
     * options and 1 when the server cannot start, having printed what was wrong.
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Library type = null;
        String host = "127.0.0.1";
        int port = 8080;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--server" -> type = Library.serverNamed(value);
                    case "--host" -> host = value;
                    case "--port" -> port = parsePort(value);
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            if (type == null) {
                throw new IllegalArgumentException("no server named: give --server NAME (mvn jmh:serve -Dserver=NAME)");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        EchoServer server;
        try {
            server = type.startServer(host, port);
        } catch (Exception e) {
            err.println("error: " + type.displayName() + " server could not start on " + host + ":" + port + ": " + e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EchoServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                err.println("error while stopping: " + e);
            }
            stopped.countDown();
        }));
        out.println(type.displayName() + " echo server listening on " + server.uri() + " (Ctrl+C stops it)");
        answerMemoryQuestions(out);
        stopped.await();
        return 0;
    }

    /** The line {@link #answerMemoryQuestions} prints: heap used after GC and resident set size, in bytes. */
    public static final String MEMORY_ANSWER = "wsbench memory";

    /**
     * Answers the line {@code memory} on standard input with {@value #MEMORY_ANSWER}{@code  heapUsed=B rss=B}:
     * heap in use after two full collections, and the process's resident set size
     * ({@code VmRSS}), so that a client in another process can read this server's memory per
     * connection from the server's own process. Other input is ignored; end of input ends the reader.
     */
    private static void answerMemoryQuestions(PrintStream out) {
        Thread reader = new Thread(() -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.strip().equals("memory")) {
                        System.gc();
                        System.gc();
                        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                        out.println(MEMORY_ANSWER + " heapUsed=" + heap.getUsed() + " rss=" + residentBytes());
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // standard input closed: nobody will ask
            }
        }, "wsbench-memory-answers");
        reader.setDaemon(true);
        reader.start();
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535, got '" + value + "'");
        }
    }
}
