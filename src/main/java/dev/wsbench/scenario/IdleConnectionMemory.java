package dev.wsbench.scenario;

import dev.wsbench.Settings;
import dev.wsbench.client.ReferenceEchoClient;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.library.Library;
import dev.wsbench.library.StandaloneServer;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory per open idle connection, read from the server's own process: the server runs as
 * {@link StandaloneServer} in a child JVM ({@code -Xms2g -Xmx2g}, as the benchmark forks), this
 * process opens connections to it with the reference client (upgrade and one checked 256-byte echo
 * each, then idle), and at each step the server reports its heap in use after two full collections
 * and its resident set size. Per connection = (value at N connections − value before any) / N.
 * Client and server in separate processes, so neither's memory is in the other's figure.
 *
 * <pre>bin/connection-memory 1000,10000 netty jetty</pre>
 */
public final class IdleConnectionMemory {
    /** The secondary metrics of {@code ConnectionMemoryBenchmark}, named by its counter fields: the server's heap and resident set growth per connection. */
    public static final String HEAP_METRIC = "heapKiBPerConnection";
    public static final String RSS_METRIC = "rssKiBPerConnection";
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");
    private static final Pattern ANSWER = Pattern.compile(StandaloneServer.MEMORY_ANSWER + " heapUsed=(-?\\d+) rss=(-?\\d+)");

    /** One measurement: N connections held, and the server's heap and RSS growth per connection. */
    public record Step(Library server, int connections, double heapBytesPerConnection, double rssBytesPerConnection) {
    }

    private IdleConnectionMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: IdleConnectionMemory COUNTS [SERVER ...]   e.g. 1000,10000 netty jetty");
            System.exit(2);
        }
        List<Integer> counts = new ArrayList<>();
        List<Library> servers = new ArrayList<>();
        try {
            for (String c : args[0].split(",")) {
                counts.add(Integer.parseInt(c.trim()));
            }
            for (int i = 1; i < args.length; i++) {
                servers.add(Library.serverNamed(args[i]));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        if (servers.isEmpty()) {
            servers.addAll(Library.withServer());
        }
        PrintStream out = System.out;
        out.println("| server | connections | heap per connection (KiB) | resident per connection (KiB) |");
        out.println("|---|---:|---:|---:|");
        for (Library server : servers) {
            for (Step step : measure(server, counts)) {
                out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", server.displayName(), step.connections(),
                        step.heapBytesPerConnection() / 1024, step.rssBytesPerConnection() / 1024);
            }
        }
    }

    /** Starts {@code server} in a child JVM and measures at each of {@code counts} (ascending) open connections. */
    public static List<Step> measure(Library server, List<Integer> counts) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xms2g", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                StandaloneServer.class.getName(), "--server", server.name(), "--port", "0")
                .redirectErrorStream(true).start();
        List<ReferenceEchoClient> clients = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer ask = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            URI uri = URI.create(await(lines, LISTENING, server + " standalone server start").group(1));
            long[] before = memory(lines, ask, server);
            Message message = Message.of(MessageType.BINARY, 256);
            List<Step> steps = new ArrayList<>();
            for (int count : counts) {
                while (clients.size() < count) {
                    ReferenceEchoClient client = ReferenceEchoClient.connect(uri);
                    clients.add(client);
                    new VerifiedEcho(client, message, server + " idle connection " + clients.size()).roundTrip();
                }
                long[] now = memory(lines, ask, server);
                steps.add(new Step(server, count, (now[0] - before[0]) / (double) count, (now[1] - before[1]) / (double) count));
            }
            return steps;
        } finally {
            child.destroy(); // its shutdown hook closes the server
            if (!child.waitFor(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
            for (ReferenceEchoClient client : clients) {
                client.abort();
            }
        }
    }

    private static long[] memory(BufferedReader lines, Writer ask, Library server) throws IOException {
        ask.write("memory\n");
        ask.flush();
        Matcher m = await(lines, ANSWER, server + " memory answer");
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    /** Reads lines until one matches, failing after the timeout or at end of output, naming what it waited for. */
    private static Matcher await(BufferedReader lines, Pattern pattern, String what) throws IOException {
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos() * 3;
        while (System.nanoTime() < deadline) {
            if (!lines.ready()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the " + what);
                }
                continue;
            }
            String line = lines.readLine();
            if (line == null) {
                throw new IOException("the server process ended before the " + what);
            }
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new IOException("no " + what + " within " + Settings.TIMEOUT.toMillis() * 3 + " ms");
    }
}
