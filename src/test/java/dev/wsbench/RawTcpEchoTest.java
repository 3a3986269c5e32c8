package dev.wsbench;

import dev.wsbench.client.RawTcpEchoClient;
import dev.wsbench.client.VerifiedEcho;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.server.RawTcpEchoServer;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The raw TCP baseline echoes whole messages, checked like every WebSocket echo, and answers nothing before a message is complete. */
class RawTcpEchoTest {

    @Test
    void echoesWholeMessagesOfEverySize() throws Exception {
        try (RawTcpEchoServer server = RawTcpEchoServer.start(Settings.LOOPBACK, 0)) {
            for (int size : new int[] {0, 1, 256, 8192, 100000, 1 << 20}) {
                try (VerifiedEcho echo = new VerifiedEcho(RawTcpEchoClient.connect(server.uri()), Message.of(MessageType.BINARY, size), "raw " + size)) {
                    for (int i = 0; i < 3; i++) {
                        assertEquals(size, echo.roundTrip());
                    }
                }
            }
        }
    }

    @Test
    void answersOnlyOnceTheWholeMessageHasArrived() throws Exception {
        try (RawTcpEchoServer server = RawTcpEchoServer.start(Settings.LOOPBACK, 0);
                Socket socket = new Socket(Settings.LOOPBACK, server.port())) {
            socket.setSoTimeout(300);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(1000);
            out.write(new byte[999]); // one byte short
            out.flush();
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
            out.write(7);
            out.flush();
            socket.setSoTimeout((int) Settings.TIMEOUT.toMillis());
            assertEquals(1004, socket.getInputStream().readNBytes(1004).length);
        }
    }

    @Test
    void aServerThatNeverAnswersFailsTheRoundTripAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(Settings.LOOPBACK));
                RawTcpEchoClient client = RawTcpEchoClient.connect(URI.create("tcp://" + Settings.LOOPBACK + ":" + silent.getLocalPort()))) {
            VerifiedEcho echo = new VerifiedEcho(client, Message.of(MessageType.BINARY, 256), "SILENT_RAW");
            VerifiedEcho.EchoFailedException e = assertThrows(VerifiedEcho.EchoFailedException.class, echo::roundTrip);
            Assertions.assertTrue(e.getMessage().startsWith("SILENT_RAW: no complete echo within"), e.getMessage());
        }
    }
}
