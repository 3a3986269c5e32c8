package dev.wsbench.cli;

import dev.wsbench.Settings;
import dev.wsbench.library.EchoClients;
import dev.wsbench.library.Library;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JmhLauncherTest {

    @Test
    void acceptsKnownParametersAndValues() throws Exception {
        assertNull(ParamCheck.check(new String[] {"EchoBenchmark", "-p", "server=NETTY,JETTY", "-p", "size=256"}));
    }

    @Test
    void namesAnUnknownServerAndTheServersTheRegistryKnows() {
        String known = String.join(", ", Library.withServer().stream().map(Enum::name).toList());
        assertEquals("unknown value 'NO_SUCH_SERVER' for -p server; -p server takes: " + known + " (or ALL)",
                RoleParams.check(new String[] {"-p", "server=NETTY,NO_SUCH_SERVER"}));
        assertNull(RoleParams.check(new String[] {"-p", "server=ALL", "-p", "client=REFERENCE,JDK,NETTY"}));
    }

    @Test
    void fillsServerAndLibraryFromTheRegistryAndExpandsAll() {
        String servers = String.join(",", Library.withServer().stream().map(Enum::name).toList());
        String codecs = String.join(",", Library.withCodec().stream().map(Enum::name).toList());
        assertEquals(List.of("EchoBenchmark", "-p", "client=NETTY," + String.join(",", EchoClients.names()).replace("NETTY,", ""),
                        "-p", "server=" + servers, "-p", "library=" + codecs),
                List.of(RoleParams.complete(new String[] {"EchoBenchmark", "-p", "client=NETTY,ALL"})));
        assertEquals(List.of("-p", "server=JETTY", "-p", "library=NETTY"),
                List.of(RoleParams.complete(new String[] {"-p", "server=JETTY", "-p", "library=NETTY"})));
        assertEquals(List.of("-l"), List.of(RoleParams.complete(new String[] {"-l"})));
        // -lp lists parameter values as JMH will run them: the registry's, not every enum constant
        assertEquals(List.of("-lp", "-p", "server=" + servers, "-p", "library=" + codecs), List.of(RoleParams.complete(new String[] {"-lp"})));
    }

    @Test
    void namesAnUnknownParameter() throws Exception {
        String problem = ParamCheck.check(new String[] {"-p", "sever=NETTY"});
        assertEquals("no benchmark has a parameter 'sever'; parameters: ", problem.substring(0, problem.indexOf(": ") + 2));
    }

    @Test
    void rejectsAMalformedParameter() throws Exception {
        assertEquals("-p expects name=value[,value...], got 'server'", ParamCheck.check(new String[] {"-p", "server"}));
    }

    @Test
    void aRemoteTargetNeedsOneServerLabelAndAWsUri() {
        try {
            System.setProperty(Settings.TARGET_PROPERTY, "ws://10.0.0.2:8080/echo");
            assertNull(JmhLauncher.checkTarget(new String[] {"EchoBenchmark", "-p", "server=NETTY"}));
            String none = JmhLauncher.checkTarget(new String[] {"EchoBenchmark"});
            assertEquals("with -Dwsbench.target=ws://10.0.0.2:8080/echo give exactly one -p server=NAME to label the server running there"
                    + " (got none)", none);
            Assertions.assertTrue(
                    JmhLauncher.checkTarget(new String[] {"-p", "server=NETTY,JETTY"}).endsWith("(got NETTY,JETTY)"));
            System.setProperty(Settings.TARGET_PROPERTY, "http://10.0.0.2/echo");
            assertEquals("-Dwsbench.target='http://10.0.0.2/echo' must look like ws://HOST:PORT/echo (scheme ws, host and port given)",
                    JmhLauncher.checkTarget(new String[] {"-p", "server=NETTY"}));
        } finally {
            System.clearProperty(Settings.TARGET_PROPERTY);
        }
        assertNull(JmhLauncher.checkTarget(new String[] {"EchoBenchmark"}));
    }

    @Test
    void forksGetTheLatencyFileBesideTheResultFile() {
        String[] args = {"EchoBenchmark", "-rf", "json", "-rff", "results/runs/jmh-1.json"};
        Path latency = JmhLauncher.latencyFile(args);
        assertEquals(Path.of("results/runs/jmh-1.latency.jsonl"), latency);
        String[] forked = JmhLauncher.withForkSettings(args, latency);
        assertEquals("-jvmArgsPrepend", forked[forked.length - 2]);
        Assertions.assertTrue(forked[forked.length - 1].endsWith("-Dwsbench.latencyFile=" + latency.toAbsolutePath()),
                forked[forked.length - 1]);
    }
}
