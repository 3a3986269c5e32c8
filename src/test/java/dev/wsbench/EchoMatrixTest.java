package dev.wsbench;

import dev.wsbench.client.EchoClient;
import dev.wsbench.library.EchoClients;
import dev.wsbench.library.Library;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import dev.wsbench.server.EchoServer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every server with every client echoes binary and text messages of every boundary size unchanged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EchoMatrixTest {
    /** Frame-length encoding boundaries (125/126, 65535/65536), the benchmark sizes, and 16 MiB. */
    static final int[] SIZES = {0, 125, 126, 256, 8192, 65535, 65536, 100000, 16 * 1024 * 1024};

    private final Map<Library, EchoServer> servers = new EnumMap<>(Library.class);
    private final Map<String, Message> messages = new HashMap<>();

    @BeforeAll
    void startServers() throws Exception {
        pairs().map(pair -> (Library) pair.get()[0]).distinct().forEach(type -> {
            try {
                servers.put(type, type.startServer(Settings.LOOPBACK, 0));
            } catch (Exception e) {
                throw new IllegalStateException(type + " server did not start: " + e, e);
            }
        });
        for (MessageType type : MessageType.values()) {
            for (int size : SIZES) {
                messages.put(type + "/" + size, Message.of(type, size));
            }
        }
    }

    @AfterAll
    void stopServers() throws Exception {
        for (EchoServer server : servers.values()) {
            server.close();
        }
    }

    static Stream<Arguments> pairs() {
        // with -Dwsbench.libraries, the pairs where the server or the client is a selected library's
        return Library.withServer().stream().flatMap(server -> EchoClients.names().stream()
                .filter(client -> TestLibraries.isSelected(server) || TestLibraries.isSelectedClient(client))
                .map(client -> Arguments.of(server, client)));
    }

    @ParameterizedTest(name = "{0} server, {1} client", allowZeroInvocations = true)
    @MethodSource("pairs")
    void echoesEveryTypeAndSize(Library server, String client) throws Exception {
        try (EchoClient connection = EchoClients.connect(client, servers.get(server).uri())) {
            for (MessageType type : MessageType.values()) {
                for (int size : SIZES) {
                    Message message = messages.get(type + "/" + size);
                    String context = "server=" + server + " client=" + client + " size=" + size + " type=" + type;
                    // Twice: a client that masked the message in place would corrupt the second send.
                    for (int i = 0; i < 2; i++) {
                        ReceivedMessage echo = connection.roundTrip(message);
                        message.verify(echo, context);
                    }
                    if (type == MessageType.TEXT) {
                        assertEquals(message.text(), connection.roundTrip(message).asText(), context);
                    }
                }
            }
        }
    }
}
