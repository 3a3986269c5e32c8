package dev.wsbench.library;

import dev.wsbench.ParamNames;
import dev.wsbench.client.ClientFactory;
import dev.wsbench.client.EchoClient;
import dev.wsbench.frames.FrameCodec;
import dev.wsbench.library.javawebsocket.JavaWebSocketEchoClient;
import dev.wsbench.library.javawebsocket.JavaWebSocketEchoServer;
import dev.wsbench.library.javawebsocket.JavaWebSocketFrameCodec;
import dev.wsbench.library.jetty.JettyEchoClient;
import dev.wsbench.library.jetty.JettyEchoServer;
import dev.wsbench.library.jetty.JettyFrameCodec;
import dev.wsbench.library.netty.NettyEchoClient;
import dev.wsbench.library.netty.NettyEchoServer;
import dev.wsbench.library.netty.NettyFrameCodec;
import dev.wsbench.library.okhttp.OkHttpEchoClient;
import dev.wsbench.library.tomcat.TomcatEchoClient;
import dev.wsbench.library.tomcat.TomcatEchoServer;
import dev.wsbench.library.undertow.UndertowEchoClient;
import dev.wsbench.library.undertow.UndertowEchoServer;
import dev.wsbench.library.undertow.UndertowFrameCodec;
import dev.wsbench.library.vertx.VertxEchoClient;
import dev.wsbench.library.vertx.VertxEchoServer;
import dev.wsbench.server.EchoServer;
import dev.wsbench.server.ServerFactory;
import dev.wsbench.server.ServerOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The libraries under test, one constant each: the one place that knows a library. Its names (the
 * constant's {@link #name()} is the value of the benchmarks' {@code -p server=}, {@code -p client=}
 * and {@code -p library=}), its Maven coordinates and version property, how provenance finds the
 * version actually loaded, and its adapters, each in the library's own package
 * ({@code dev.wsbench.library.netty}, ...): a server ({@link EchoServer}'s contract), a client
 * ({@link EchoClient}'s) and a frame codec ({@link FrameCodec}'s). A role a library does not have
 * (a client-only library has no server) is null here, and that library is left out of that role's
 * benchmarks and tests.
 *
 * <p>Benchmarks, tests, scripts and the plugin take their lists from here ({@link #withServer()},
 * {@link #withClient()}, {@link #withCodec()}; scripts through {@link #main}), so adding a library is
 * its package, its constant and its dependency in the pom.
 */
public enum Library {
    NETTY("netty", "Netty", new Maven("io.netty", "netty.version", "io.netty:netty-codec-http",
            "io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder"),
            NettyEchoServer::start, NettyEchoClient::connect, NettyFrameCodec::new),
    JETTY("jetty", "Jetty", new Maven("org.eclipse.jetty", "jetty.version", "org.eclipse.jetty.websocket:jetty-websocket-jetty-server",
            "org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler"),
            JettyEchoServer::start, JettyEchoClient::connect, JettyFrameCodec::new),
    UNDERTOW("undertow", "Undertow", new Maven("io.undertow", "undertow.version", "io.undertow:undertow-core", "io.undertow.Undertow"),
            UndertowEchoServer::start, UndertowEchoClient::connect, UndertowFrameCodec::new),
    JAVA_WEBSOCKET("java-websocket", "Java-WebSocket", new Maven("org.java-websocket", "java-websocket.version",
            "org.java-websocket:Java-WebSocket", "org.java_websocket.server.WebSocketServer"),
            JavaWebSocketEchoServer::start, JavaWebSocketEchoClient::connect, JavaWebSocketFrameCodec::new),
    /** No frame codec: Tomcat's parser ({@code WsFrameBase}) needs a live session, and it masks inside a private send handler. */
    TOMCAT("tomcat", "Tomcat", new Maven("org.apache.tomcat", "tomcat.version", "org.apache.tomcat.embed:tomcat-embed-websocket",
            "org.apache.tomcat.websocket.WsWebSocketContainer"),
            TomcatEchoServer::start, TomcatEchoClient::connect, null),
    /** Runs on Netty (its Netty is the pom's netty.version); no codec of its own: its frames are Netty's. */
    VERTX("vertx", "Vert.x", new Maven("io.vertx", "vertx.version", "io.vertx:vertx-core", "io.vertx.core.Vertx", NETTY),
            VertxEchoServer::start, VertxEchoClient::connect, null),
    /** A client only; its frame code ({@code okhttp3.internal.ws}) is internal. */
    OKHTTP("okhttp", "OkHttp", new Maven("com.squareup.okhttp3", "okhttp.version", "com.squareup.okhttp3:okhttp", "okhttp3.OkHttpClient", null,
            new Renamed("okhttp.artifact", "okhttp", 5, "okhttp-jvm")), null, OkHttpEchoClient::connect, null);

    /**
     * Where a library's jars come from.
     *
     * @param groupId every artifact whose group is this or starts with it plus a dot (Jetty's
     *     {@code org.eclipse.jetty.websocket}) belongs to the library when versions switch
     * @param versionProperty the pom property that selects its version, e.g. {@code netty.version}
     * @param probeArtifact the {@code groupId:artifactId} of the jar that holds {@code probeClass}
     * @param probeClass a class of the library whose jar's {@code pom.properties} tells the version
     *     actually loaded
     * @param runsOn the library under test it is built on (Vert.x on Netty), or null: provenance
     *     reports that library's loaded version beside this one's
     * @param renamed its jar's artifact id changed at a major version, or null
     */
    public record Maven(String groupId, String versionProperty, String probeArtifact, String probeClass, Library runsOn, Renamed renamed) {
        public Maven(String groupId, String versionProperty, String probeArtifact, String probeClass) {
            this(groupId, versionProperty, probeArtifact, probeClass, null, null);
        }

        public Maven(String groupId, String versionProperty, String probeArtifact, String probeClass, Library runsOn) {
            this(groupId, versionProperty, probeArtifact, probeClass, runsOn, null);
        }
    }

    /**
     * A jar published under another artifact id from a major version on (OkHttp 5's JVM jar is
     * {@code okhttp-jvm}; its {@code okhttp} became Kotlin multiplatform metadata): the pom property
     * that names the artifact, its value before that major version and from it on.
     */
    public record Renamed(String property, String before, int fromMajor, String after) {
        String artifactFor(String version) {
            String major = version.replaceFirst("^(\\d+).*", "$1");
            return major.matches("\\d+") && Integer.parseInt(major) < fromMajor ? before : after;
        }
    }

    private final String cliName;
    private final String displayName;
    private final Maven maven;
    private final ServerFactory server;
    private final ClientFactory client;
    private final Supplier<FrameCodec> codec;

    Library(String cliName, String displayName, Maven maven, ServerFactory server, ClientFactory client, Supplier<FrameCodec> codec) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.maven = maven;
        this.server = server;
        this.client = client;
        this.codec = codec;
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
        return maven.versionProperty();
    }

    /**
     * The pom properties that select {@code version}: its version property, and the artifact id
     * where the library renamed its jar ({@link Renamed}), so that every version in a sweep or a
     * comparison resolves to the jar it was published as.
     */
    public Map<String, String> mavenProperties(String version) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(versionProperty(), version);
        if (maven.renamed() != null) {
            p.put(maven.renamed().property(), maven.renamed().artifactFor(version));
        }
        return p;
    }

    /** See {@link Maven#groupId()}. */
    public String groupId() {
        return maven.groupId();
    }

    public boolean ownsGroup(String group) {
        return group.equals(groupId()) || group.startsWith(groupId() + ".");
    }

    /** See {@link Maven#probeClass()}. */
    public String probeClass() {
        return maven.probeClass();
    }

    /** See {@link Maven#runsOn()}; null for most. */
    public Library runsOn() {
        return maven.runsOn();
    }

    /** See {@link Maven#probeArtifact()}. */
    public String probeArtifact() {
        return maven.probeArtifact();
    }

    /** The probe artifact's ids in every release line: its own, and its new name where it was renamed (OkHttp's okhttp-jvm). */
    public List<String> artifactIds() {
        String id = probeArtifact().substring(probeArtifact().indexOf(':') + 1);
        return maven.renamed() == null ? List.of(id) : List.of(id, maven.renamed().after());
    }

    public boolean hasServer() {
        return server != null;
    }

    public boolean hasClient() {
        return client != null;
    }

    public boolean hasCodec() {
        return codec != null;
    }

    /** Starts its server, plain (no TLS, no extension); see {@link #startServer(String, int, ServerOptions)}. */
    public EchoServer startServer(String host, int port) throws Exception {
        return startServer(host, port, ServerOptions.PLAIN);
    }

    /**
     * Starts its server bound to {@code host} on {@code port} (0 picks a free port); returns once it
     * accepts connections.
     *
     * @throws IllegalArgumentException if the library has no server
     */
    public EchoServer startServer(String host, int port, ServerOptions options) throws Exception {
        return role(server, ParamNames.SERVER, Library::hasServer).start(host, port, options);
    }

    /**
     * Opens one connection with its client.
     *
     * @throws IllegalArgumentException if the library has no client
     */
    public EchoClient connectClient(URI uri) throws Exception {
        return role(client, ParamNames.CLIENT, Library::hasClient).connect(uri);
    }

    /**
     * A new instance of its frame codec; not thread-safe, so one per benchmark thread.
     *
     * @throws IllegalArgumentException if the library's frame code cannot be reached on its own
     */
    public FrameCodec newCodec() {
        return role(codec, "frame codec", Library::hasCodec).get();
    }

    private <T> T role(T adapter, String role, Predicate<Library> has) {
        if (adapter == null) {
            throw new IllegalArgumentException(displayName + " has no " + role + " in this suite; libraries with one: "
                    + names(has, Library::name));
        }
        return adapter;
    }

    /** The libraries with a server, in declaration order. */
    public static List<Library> withServer() {
        return Arrays.stream(values()).filter(Library::hasServer).toList();
    }

    /** The libraries with a client, in declaration order. */
    public static List<Library> withClient() {
        return Arrays.stream(values()).filter(Library::hasClient).toList();
    }

    /** The libraries whose frame masking and parsing the suite can drive on their own. */
    public static List<Library> withCodec() {
        return Arrays.stream(values()).filter(Library::hasCodec).toList();
    }

    /**
     * By script name ({@code netty}), constant name ({@code NETTY}) or display name, ignoring case;
     * '-' and '_' are interchangeable.
     */
    public static Library byName(String name) {
        String wanted = name == null ? "" : name.trim().replace('_', '-');
        for (Library l : values()) {
            if (l.cliName.equalsIgnoreCase(wanted) || l.name().replace('_', '-').equalsIgnoreCase(wanted)
                    || l.displayName.equalsIgnoreCase(wanted)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown library '" + name + "'; known: " + names());
    }

    /** {@link #byName}, and the library must have a server. */
    public static Library serverNamed(String name) {
        return byName(name).requireServer();
    }

    /**
     * This library, when it has a server. A benchmark's {@code Library server} parameter calls it
     * first in setup: run through plain JMH, without the launcher's values, the parameter takes every
     * constant, and a client-only library must fail in one line that names the valid values.
     *
     * @throws IllegalArgumentException naming the libraries with a server
     */
    public Library requireServer() {
        role(server, ParamNames.SERVER, Library::hasServer);
        return this;
    }

    /** The script names, comma-separated. */
    public static String names() {
        return names(l -> true, Library::cliName);
    }

    private static String names(Predicate<Library> which, Function<Library, String> name) {
        return Arrays.stream(values()).filter(which).map(name).collect(Collectors.joining(", "));
    }

    private static Predicate<Library> roleNamed(String role) {
        return switch (role) {
            case ParamNames.SERVER -> Library::hasServer;
            case ParamNames.CLIENT -> Library::hasClient;
            case "codec" -> Library::hasCodec;
            default -> throw new IllegalArgumentException("unknown role '" + role + "'; roles: server, client, codec");
        };
    }

    /**
     * For scripts: {@code Library property NAME} prints the library's version property, {@code
     * Library maven-args NAME VERSION} the Maven arguments that select that version, one a line
     * ({@link #mavenProperties}), {@code
     * Library server NAME} its constant (the benchmarks' {@code -p server=} value) when it has a
     * server, {@code Library names [server|client|codec]} the script names (of those with that
     * role), comma-separated for messages, {@code Library list server|client|codec} the same one a
     * line for scripts to read; an unknown name, or one without the role, is one line on stderr and exit code 2.
     */
    public static void main(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("property")) {
                System.out.println(byName(args[1]).versionProperty());
            } else if (args.length == 3 && args[0].equals("maven-args")) {
                byName(args[1]).mavenProperties(args[2]).forEach((k, v) -> System.out.println("-D" + k + "=" + v));
            } else if (args.length == 2 && args[0].equals(ParamNames.SERVER)) {
                System.out.println(serverNamed(args[1]).name());
            } else if (args.length == 1 && args[0].equals("names")) {
                System.out.println(names());
            } else if (args.length == 2 && args[0].equals("names")) {
                System.out.println(names(roleNamed(args[1]), Library::cliName));
            } else if (args.length == 2 && args[0].equals("list")) {
                Arrays.stream(values()).filter(roleNamed(args[1])).map(Library::cliName).forEach(System.out::println);
            } else {
                throw new IllegalArgumentException("usage: Library property NAME | Library maven-args NAME VERSION | Library server NAME | Library names [server|client|codec]"
                        + " | Library list server|client|codec");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
