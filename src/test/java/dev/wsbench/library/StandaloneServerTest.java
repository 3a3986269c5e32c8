package dev.wsbench.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.server.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandaloneServerTest {

    @Test
    void unknownServerNameIsAClearErrorWithTheKnownNames() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = StandaloneServer.run(new String[] {"--server", "no-such-server"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit);
        assertTrue(message.contains("unknown library 'no-such-server'; known: " + Library.names()),
                message);
    }

    @Test
    void badPortIsAClearError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = StandaloneServer.run(new String[] {"--server", "netty", "--port", "http"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("port must be a number"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        try (EchoServer running = Library.NETTY.startServer("127.0.0.1", 0)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = StandaloneServer.run(new String[] {"--server", "java-websocket", "--port", String.valueOf(running.port())},
                    System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, exit);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("could not start"), err.toString(StandardCharsets.UTF_8));
        }
    }
}
