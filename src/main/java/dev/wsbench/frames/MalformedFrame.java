package dev.wsbench.frames;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The malformed-frame catalogue: inputs RFC 6455 says a receiver must reject (or, for the last
 * rows, inputs a receiver must handle without hanging). Each case is the bytes a peer sends, as
 * reads, and the side that parses them. {@link #reactionOf} gives them to a library's parser.
 */
public enum MalformedFrame {
    RSV1_WITHOUT_EXTENSION("RSV1 set, no extension negotiated", Side.SERVER, w -> w.frame(0x80 | 0x40 | FrameWriter.BINARY, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_3("reserved data opcode 0x3", Side.SERVER, w -> w.frame(0x83, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_4("reserved data opcode 0x4", Side.SERVER, w -> w.frame(0x84, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_5("reserved data opcode 0x5", Side.SERVER, w -> w.frame(0x85, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_6("reserved data opcode 0x6", Side.SERVER, w -> w.frame(0x86, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_7("reserved data opcode 0x7", Side.SERVER, w -> w.frame(0x87, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_B("reserved control opcode 0xB", Side.SERVER, w -> w.frame(0x8B, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_C("reserved control opcode 0xC", Side.SERVER, w -> w.frame(0x8C, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_D("reserved control opcode 0xD", Side.SERVER, w -> w.frame(0x8D, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_E("reserved control opcode 0xE", Side.SERVER, w -> w.frame(0x8E, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    RESERVED_OPCODE_F("reserved control opcode 0xF", Side.SERVER, w -> w.frame(0x8F, true, b(4), 0, 4, FrameWriter.LengthEncoding.MINIMAL)),
    CONTROL_PAYLOAD_OVER_125("ping with a 126-byte payload", Side.SERVER, w -> w.frame(true, FrameWriter.PING, true, b(126), 0, 126)),
    FRAGMENTED_CONTROL("ping without FIN (fragmented control frame)", Side.SERVER, w -> w.frame(false, FrameWriter.PING, true, b(4), 0, 4)),
    CONTINUATION_WITHOUT_START("continuation frame with no message started", Side.SERVER, w -> w.frame(true, FrameWriter.CONTINUATION, true, b(4), 0, 4)),
    NEW_DATA_FRAME_INSIDE_FRAGMENTED("new binary frame inside a fragmented message", Side.SERVER,
            w -> w.frame(false, FrameWriter.BINARY, true, b(4), 0, 4).frame(true, FrameWriter.BINARY, true, b(4), 0, 4)),
    LENGTH_TOP_BIT_SET("64-bit length with the most significant bit set", Side.SERVER,
            w -> w.raw(0x82, 0x80 | 127, 0x80, 0, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4, 9, 9, 9, 9)),
    NON_MINIMAL_16_BIT_LENGTH("5-byte payload with a 16-bit length", Side.SERVER,
            w -> w.frame(0x80 | FrameWriter.BINARY, true, b(5), 0, 5, FrameWriter.LengthEncoding.SIXTEEN_BIT)),
    NON_MINIMAL_64_BIT_LENGTH("200-byte payload with a 64-bit length", Side.SERVER,
            w -> w.frame(0x80 | FrameWriter.BINARY, true, b(200), 0, 200, FrameWriter.LengthEncoding.SIXTY_FOUR_BIT)),
    UNMASKED_CLIENT_FRAME("unmasked frame from a client (server side)", Side.SERVER, w -> w.frame(true, FrameWriter.BINARY, false, b(4), 0, 4)),
    MASKED_SERVER_FRAME("masked frame from a server (client side)", Side.CLIENT, w -> w.frame(true, FrameWriter.BINARY, true, b(4), 0, 4)),
    INVALID_UTF8("text message with invalid UTF-8 (0xC0 0xAF)", Side.SERVER,
            w -> w.frame(true, FrameWriter.TEXT, true, new byte[] {'o', 'k', (byte) 0xC0, (byte) 0xAF}, 0, 4)),
    INVALID_UTF8_ACROSS_FRAGMENTS("invalid UTF-8 split across fragments (F0 90 / 28 8C)", Side.SERVER,
            w -> w.frame(false, FrameWriter.TEXT, true, new byte[] {'o', 'k', (byte) 0xF0, (byte) 0x90}, 0, 4)
                    .frame(true, FrameWriter.CONTINUATION, true, new byte[] {0x28, (byte) 0x8C}, 0, 2)),
    VALID_UTF8_ACROSS_FRAGMENTS("valid 4-byte character split across fragments (control case)", Side.SERVER,
            w -> w.frame(false, FrameWriter.TEXT, true, new byte[] {'o', 'k', (byte) 0xF0, (byte) 0x9D}, 0, 4)
                    .frame(true, FrameWriter.CONTINUATION, true, new byte[] {(byte) 0x84, (byte) 0x9E}, 0, 2)),
    TRUNCATED_FRAME("frame cut off after 3 of 10 payload bytes, then end of input", Side.SERVER,
            w -> w.raw(Arrays.copyOf(new FrameWriter(1).frame(true, FrameWriter.BINARY, true, b(10), 0, 10).toByteArray(), 2 + 4 + 3))),
    CLOSE_ONE_BYTE_PAYLOAD("close frame with a 1-byte payload", Side.SERVER, w -> w.frame(true, FrameWriter.CLOSE, true, new byte[] {3}, 0, 1)),
    CLOSE_RESERVED_CODE("close frame with reserved code 1004", Side.SERVER,
            w -> w.frame(true, FrameWriter.CLOSE, true, new byte[] {(byte) (1004 >>> 8), (byte) (1004 & 0xFF)}, 0, 2)),
    CLOSE_UNASSIGNED_CODE("close frame with code 2999 (not assignable)", Side.SERVER,
            w -> w.frame(true, FrameWriter.CLOSE, true, new byte[] {(byte) (2999 >>> 8), (byte) (2999 & 0xFF)}, 0, 2));

    private final String description;
    private final Side side;
    private final UnaryOperator<FrameWriter> writer;

    MalformedFrame(String description, Side side, UnaryOperator<FrameWriter> writer) {
        this.description = description;
        this.side = side;
        this.writer = writer;
    }

    public String description() {
        return description;
    }

    public Side side() {
        return side;
    }

    /** The bytes the peer sends, as one read. */
    public byte[] wire() {
        return writer.apply(new FrameWriter(ordinal())).toByteArray();
    }

    private static byte[] b(int n) {
        return "0123456789".repeat(n / 10 + 1).substring(0, n).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * What {@code codec}'s parser does with this input: "rejected: close CODE: Exception (message)",
     * "accepted: N data bytes", or "pending: waits for more bytes" when it neither delivers nor fails.
     */
    public String reactionOf(FrameCodec codec) {
        FrameParser parser = codec.newParser(side);
        long[] delivered = {0, 0};
        try {
            parser.parse(new ByteBuffer[] {ByteBuffer.wrap(wire())}, (opcode, fin, data) -> {
                delivered[0] += data.remaining();
                delivered[1]++;
            });
        } catch (FrameRejectedException e) {
            return "rejected: " + e.getMessage();
        }
        return delivered[1] == 0 ? "pending: nothing delivered, no error (waits for more bytes)" : "accepted: " + delivered[0] + " data bytes";
    }

    /**
     * The catalogue as a Markdown table, library by case, as docs/frames.md shows it ({@code
     * bin/malformed-table} writes it there): a rejection as its close code in bold (when the
     * exception carries one), the exception's simple name and its message (cut at 60 characters).
     */
    public static String markdownTable(Map<String, FrameCodec> libraries) {
        StringBuilder out = new StringBuilder("| case | side |");
        for (String name : libraries.keySet()) {
            out.append(' ').append(name).append(" |");
        }
        out.append("\n|---|---|").append("---|".repeat(libraries.size())).append('\n');
        for (MalformedFrame c : values()) {
            out.append("| ").append(c.description).append(" | ").append(c.side).append(" |");
            for (FrameCodec codec : libraries.values()) {
                out.append(' ').append(cell(c.reactionOf(codec)).replace("|", "\\|")).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static final Pattern REJECTED = Pattern.compile("rejected: (?:close (\\d+): )?(\\S+) \\((.*)\\)");

    /** One {@link #reactionOf} as a table cell. */
    static String cell(String reaction) {
        if (reaction.startsWith("pending")) {
            return "pending";
        }
        if (reaction.startsWith("accepted: ")) {
            return "accepted (" + reaction.substring("accepted: ".length()) + ")";
        }
        Matcher m = REJECTED.matcher(reaction);
        if (!m.matches()) {
            return reaction;
        }
        String message = m.group(3).length() > 60 ? m.group(3).substring(0, 57) + "…" : m.group(3);
        return (m.group(1) == null ? "" : "**" + m.group(1) + "** ") + "`" + m.group(2) + "` (" + message + ")";
    }
}
