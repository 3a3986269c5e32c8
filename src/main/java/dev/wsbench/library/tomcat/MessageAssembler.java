package dev.wsbench.library.tomcat;

import dev.wsbench.Settings;
import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Tomcat's partial-message handlers, assembling each message whole before handing it on: what a
 * Tomcat application does to accept messages up to {@link Settings#MAX_MESSAGE_BYTES} without
 * reserving that much per connection. Tomcat's whole-message handlers allocate a buffer of the
 * session's maximum message size when the session opens ({@code WsFrameBase}: 8 KiB by default;
 * 64 MiB binary plus 64 Mi chars for text, per connection, at the suite's limit), so they are not used.
 *
 * <p>A message that arrives in one part is handed on as Tomcat delivers it (no copy); a longer one
 * is copied into a buffer owned by the connection that grows as needed and is kept for the next
 * message. Over the limit, the connection is closed with 1009 and nothing is handed on.
 */
final class MessageAssembler {
    /** What receives each whole message; the buffer is valid until the method returns. */
    interface Receiver {
        void onBinary(ByteBuffer message) throws IOException;

        void onText(String message) throws IOException;
    }

    private final Session session;
    private final Receiver receiver;
    private ByteBuffer binary;
    private boolean binaryStarted;
    private final StringBuilder text = new StringBuilder();
    private long textBytes;
    private boolean refused;

    private MessageAssembler(Session session, Receiver receiver) {
        this.session = session;
        this.receiver = receiver;
    }

    /** Adds binary and text partial handlers to {@code session} that feed {@code receiver}. */
    static void install(Session session, Receiver receiver) {
        MessageAssembler assembler = new MessageAssembler(session, receiver);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) assembler::binaryPart);
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) assembler::textPart);
    }

    private void binaryPart(ByteBuffer part, boolean last) {
        if (refused) {
            return;
        }
        try {
            if (last && !binaryStarted) {
                receiver.onBinary(part);
                return;
            }
            int size = (binaryStarted ? binary.position() : 0) + part.remaining();
            if (size > Settings.MAX_MESSAGE_BYTES) {
                refuse();
                return;
            }
            if (!binaryStarted) {
                binaryStarted = true;
                if (binary == null) {
                    binary = ByteBuffer.allocate(Math.max(part.remaining() * 2, 16 * 1024));
                }
                binary.clear();
            }
            if (binary.remaining() < part.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(Settings.MAX_MESSAGE_BYTES, Math.max(2L * binary.capacity(), size)));
                binary.flip();
                bigger.put(binary);
                binary = bigger;
            }
            binary.put(part);
            if (last) {
                binaryStarted = false;
                binary.flip();
                receiver.onBinary(binary);
                binary.clear();
            }
        } catch (IOException e) {
            closeQuietly(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
        }
    }

    private void textPart(String part, boolean last) {
        if (refused) {
            return;
        }
        try {
            if (last && text.isEmpty()) {
                receiver.onText(part);
                return;
            }
            textBytes += utf8Length(part); // the limit is in bytes on the wire, as for binary
            if (textBytes > Settings.MAX_MESSAGE_BYTES) {
                refuse();
                return;
            }
            text.append(part);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                textBytes = 0;
                receiver.onText(message);
            }
        } catch (IOException e) {
            closeQuietly(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private void refuse() {
        refused = true;
        binary = null;
        text.setLength(0);
        closeQuietly(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message over " + Settings.MAX_MESSAGE_BYTES + " bytes"));
    }

    private void closeQuietly(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            // the connection is going away either way
        }
    }
}
