package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.Arguments.UsageException;
import dev.wsbench.cli.ParamCheck;
import dev.wsbench.library.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class SweepRequestTest {
    @TempDir
    Path dir;

    private SweepRequest parse(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--out";
        all[1] = dir.resolve("out").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return SweepRequest.parse(all, 2);
    }

    private void refused(String says, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> parse(args));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void aRangeOrAListWithTheirJmhArguments() throws Exception {
        SweepRequest r = parse("netty", "4.1.90.Final", "4.1.97.Final", "^dev.wsbench.jmh.EchoBenchmark.roundTrip$", "-p", "size=8192");
        assertEquals("4.1.90.Final", r.from());
        assertEquals("4.1.97.Final", r.to());
        assertTrue(r.defaultTiming(), "a pattern and parameters keep the sweep's timing");
        assertTrue(r.jmhArgs().containsAll(List.of("-p", "server=NETTY", "placement=ONE_CPU")), r.jmhArgs().toString());
        assertTrue(Files.isDirectory(dir.resolve("out")));
        SweepRequest list = parse("--versions", "4.2.20.Final,4.2.20.Final", "--rounds", "3", "netty", "-wi", "1");
        assertEquals(List.of("4.2.20.Final", "4.2.20.Final"), list.versions());
        assertFalse(list.defaultTiming(), "-wi sets the timing");
    }

    @Test
    void badInputIsOneLine() {
        refused("give LIBRARY FROM TO", "netty", "4.1.90.Final");
        refused("unknown library 'nope'", "nope", "1", "2");
        refused("--bisect follows one row", "--bisect", "netty", "4.1.90.Final", "4.1.97.Final");
        refused("options go before LIBRARY", "netty", "4.1.90.Final", "4.1.97.Final", "--rounds", "2");
        refused("--versions takes two or more versions", "--versions", "4.2.20.Final", "netty");
        refused("Jetty runs on no other library, not on Netty", "--under", "jetty", "netty", "1", "2");
        refused("Vert.x runs on Netty, not on Jetty; frameworks on Jetty: none", "--under", "vertx", "jetty", "1", "2");
        refused("only placement ONE_CPU", "netty", "1", "2", "EchoBenchmark", "-p", "placement=FREE");
    }

    @Test
    void underAFrameworkTheRowsUseItsServerAndClient() throws Exception {
        SweepRequest r = parse("--under", "vertx", "netty", "4.2.15.Final", "4.2.20.Final");
        assertTrue(r.jmhArgs().containsAll(List.of("server=VERTX", "client=VERTX")), r.jmhArgs().toString());
        assertEquals(ComparisonRequest.ECHO_ONLY, r.jmhArgs().get(0), "Vert.x has no codec of its own");
    }

    @Test
    void defaultRowsFollowTheLibrarysRoles() {
        assertEquals(ComparisonRequest.DEFAULT_BENCHMARKS, ComparisonRequest.jmhArgs(Library.NETTY, List.of()).get(0));
        assertEquals(ComparisonRequest.ECHO_ONLY, ComparisonRequest.jmhArgs(Library.TOMCAT, List.of()).get(0));
        List<String> okhttp = ComparisonRequest.jmhArgs(Library.OKHTTP, List.of());
        assertTrue(okhttp.containsAll(List.of("server=NETTY", "client=OKHTTP")), "a client-only library echoes through Netty: " + okhttp);
        assertFalse(okhttp.contains("library=OKHTTP"), okhttp.toString());
    }

    /** Every library of the registry gets rows a comparison or sweep can run: valid parameters, at least the echo, every row with a server. */
    @Test
    void everyLibraryHasDefaultRows() throws Exception {
        for (Library library : Library.values()) {
            List<String> args = ComparisonRequest.jmhArgs(library, List.of());
            assertEquals(null, ParamCheck.check(args.toArray(new String[0])), library + ": " + args);
            List<BenchmarkRow> rows = BenchmarkRow.expand(ComparisonRequest.options(args), OutputFormatFactory.createFormatInstance(System.out,
                    VerboseMode.SILENT));
            assertEquals(library.hasCodec() ? 9 : 3, rows.size(), library + ": " + rows);
            assertTrue(rows.stream().filter(BenchmarkRow::echoesThroughServer).allMatch(r -> Library.valueOf(r.params().get("server")).hasServer()),
                    library + ": " + rows);
        }
    }

    @Test
    void mavensFirstErrorLineSaysWhatItCouldNotDo() throws Exception {
        Path log = dir.resolve("maven.log");
        Files.writeString(log, "\u001B[0m\u001B[0m[ERROR] Failed to execute goal on project wsbench: Could not find artifact"
                + " org.eclipse.jetty.websocket:jetty-websocket-jetty-client:jar:12.0.28 in central -> [Help 1]\n[ERROR] \n"
                + "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.\n");
        assertEquals("Failed to execute goal on project wsbench: Could not find artifact org.eclipse.jetty.websocket:jetty-websocket-jetty-client"
                + ":jar:12.0.28 in central", MavenVersions.problem(log));
    }

    @Test
    void okHttpResolvesTheArtifactEachVersionWasPublishedAs() {
        assertEquals(Map.of("okhttp.version", "4.12.0", "okhttp.artifact", "okhttp"), Library.OKHTTP.mavenProperties("4.12.0"));
        assertEquals(Map.of("okhttp.version", "5.5.1", "okhttp.artifact", "okhttp-jvm"), Library.OKHTTP.mavenProperties("5.5.1"));
        assertEquals(Map.of("netty.version", "4.2.20.Final"), Library.NETTY.mavenProperties("4.2.20.Final"));
    }
}
