package dev.wsbench.payload;

/** WebSocket data frame types (RFC 6455 opcodes 0x1 and 0x2). */
public enum MessageType {
    BINARY(0x2),
    TEXT(0x1);

    private final int opcode;

    MessageType(int opcode) {
        this.opcode = opcode;
    }

    public int opcode() {
        return opcode;
    }
}
