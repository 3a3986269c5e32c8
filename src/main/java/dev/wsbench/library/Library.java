package dev.wsbench.library;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The libraries under test, one constant each: the names the command line, scripts and result
 * files use for it, and where its version comes from. The constant's {@link #name()} is the value
 * of the benchmarks' {@code -p server=} and {@code -p library=} parameters.
 */
public enum Library {
    NETTY("netty", "Netty", "netty.version", "io.netty", "io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder", "io.netty:netty-codec-http"),
    JETTY("jetty", "Jetty", "jetty.version", "org.eclipse.jetty", "org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler",
            "org.eclipse.jetty.websocket:jetty-websocket-jetty-server"),
    UNDERTOW("undertow", "Undertow", "undertow.version", "io.undertow", "io.undertow.Undertow", "io.undertow:undertow-core"),
    JAVA_WEBSOCKET("java-websocket", "Java-WebSocket", "java-websocket.version", "org.java-websocket", "org.java_websocket.server.WebSocketServer",
            "org.java-websocket:Java-WebSocket");

    private final String cliName;
    private final String displayName;
    private final String versionProperty;
    private final String groupId;
    private final String probeClass;
    private final String probeArtifact;

    Library(String cliName, String displayName, String versionProperty, String groupId, String probeClass, String probeArtifact) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.versionProperty = versionProperty;
        this.groupId = groupId;
        this.probeClass = probeClass;
        this.probeArtifact = probeArtifact;
    }

    /** The name scripts take, e.g. {@code java-websocket}. */
    public String cliName() {
        return cliName;
    }

    /** The name tables show, e.g. {@code Java-WebSocket}. */
    public String displayName() {
        return displayName;
    }

    /** The pom property that selects its version, e.g. {@code netty.version}. */
    public String versionProperty() {
        return versionProperty;
    }

    /**
     * The Maven group of its jars; every artifact whose group is this or starts with it plus a dot
     * (Jetty's {@code org.eclipse.jetty.websocket}) belongs to the library when versions switch.
     */
    public String groupId() {
        return groupId;
    }

    public boolean ownsGroup(String group) {
        return group.equals(groupId) || group.startsWith(groupId + ".");
    }

    /** A class of the library whose jar's {@code pom.properties} tells the version actually loaded. */
    public String probeClass() {
        return probeClass;
    }

    /** The {@code groupId:artifactId} of the jar that holds {@link #probeClass()}. */
    public String probeArtifact() {
        return probeArtifact;
    }

    /** By script name ({@code netty}) or constant name ({@code NETTY}), ignoring case. */
    public static Library byName(String name) {
        for (Library l : values()) {
            if (l.cliName.equalsIgnoreCase(name) || l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown library '" + name + "'; known: " + names());
    }

    /** The script names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Library::cliName).collect(Collectors.joining(", "));
    }

    /**
     * For scripts: {@code Library property NAME} prints the library's version property, {@code
     * Library names} the known names; an unknown name is one line on stderr and exit code 2.
     */
    public static void main(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("property")) {
                System.out.println(byName(args[1]).versionProperty());
            } else if (args.length == 1 && args[0].equals("names")) {
                System.out.println(names());
            } else {
                throw new IllegalArgumentException("usage: Library property NAME | Library names");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
