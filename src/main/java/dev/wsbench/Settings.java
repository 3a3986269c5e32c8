package dev.wsbench;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

/**
 * Harness-wide settings that are not JMH options. Each can be overridden with a system property,
 * for example {@code -Dwsbench.timeoutMs=30000}: given to {@code mvn jmh:run}, every
 * {@code -Dwsbench.*} reaches JMH's forked JVMs (the plugin passes it to the launcher, the launcher
 * to the forks).
 */
public final class Settings {
    /** The time stamp in the names of a run's files under {@code results/runs/} ({@code jmh-TIME.json}, {@code compare-...-TIME/}). */
    public static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** How long any wait (echo, connect, handshake, server start) may take before the run fails. */
    public static final Duration TIMEOUT = Duration.ofMillis(Long.getLong("wsbench.timeoutMs", 10_000));

    /**
     * Largest message and frame every server and client accepts (64 MiB): Netty's and Jetty's 64 KiB
     * defaults are raised to it, and Undertow and Java-WebSocket, unlimited by default, are limited
     * to it, so that every server accepts the same messages and refuses the same ones.
     */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    /** Loopback: all benchmark traffic stays on this machine. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The system property naming a remote server for the client-side benchmarks. */
    public static final String TARGET_PROPERTY = "wsbench.target";

    /**
     * The WebSocket URI given with {@code -Dwsbench.target=ws://host:port/echo}, or null: the
     * benchmarks that use the shared server state then connect there instead of starting a server
     * in process. Read on each call so tests can set it.
     */
    public static URI target() {
        String value = System.getProperty(TARGET_PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + TARGET_PROPERTY + "='" + value + "' is not a URI: " + e.getMessage());
        }
        if (!"ws".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("-D" + TARGET_PROPERTY + "='" + value + "' must look like ws://HOST:PORT/echo"
                    + " (scheme ws, host and port given)");
        }
        return uri;
    }

    private Settings() {
    }
}
