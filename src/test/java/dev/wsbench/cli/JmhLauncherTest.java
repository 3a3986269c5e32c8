package dev.wsbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JmhLauncherTest {

    @Test
    void acceptsKnownParametersAndValues() throws Exception {
        assertNull(JmhLauncher.checkParams(new String[] {"EchoBenchmark", "-p", "server=NETTY,JETTY", "-p", "size=256"}));
    }

    @Test
    void namesAnUnknownEnumValueAndTheKnownOnes() throws Exception {
        assertEquals("unknown value 'TOMCAT' for -p server; known: JETTY, UNDERTOW, NETTY, JAVA_WEBSOCKET",
                JmhLauncher.checkParams(new String[] {"-p", "server=NETTY,TOMCAT"}));
    }

    @Test
    void namesAnUnknownParameter() throws Exception {
        String problem = JmhLauncher.checkParams(new String[] {"-p", "sever=NETTY"});
        assertEquals("no benchmark has a parameter 'sever'; parameters: ", problem.substring(0, problem.indexOf(": ") + 2));
    }

    @Test
    void rejectsAMalformedParameter() throws Exception {
        assertEquals("-p expects name=value[,value...], got 'server'", JmhLauncher.checkParams(new String[] {"-p", "server"}));
    }
}
