package dev.wsbench.frames;

import java.nio.ByteBuffer;

/** Where payload and output bytes live: on the Java heap or in native memory. */
public enum BufferKind {
    HEAP {
        @Override
        public ByteBuffer allocate(int capacity) {
            return ByteBuffer.allocate(capacity);
        }
    },
    DIRECT {
        @Override
        public ByteBuffer allocate(int capacity) {
            return ByteBuffer.allocateDirect(capacity);
        }
    };

    public abstract ByteBuffer allocate(int capacity);

    /** A buffer of this kind holding a copy of {@code bytes}, position 0, limit {@code bytes.length}. */
    public ByteBuffer copyOf(byte[] bytes) {
        ByteBuffer b = allocate(bytes.length);
        b.put(bytes).flip();
        return b;
    }
}
