package dev.wsbench.frames;

import java.util.function.Supplier;

/**
 * The libraries' frame code, usable directly as a JMH {@code @Param}. Adding a library means one
 * {@link FrameCodec} adapter and one constant here.
 */
public enum FrameCodecType {
    NETTY(NettyFrameCodec::new),
    JETTY(JettyFrameCodec::new),
    UNDERTOW(UndertowFrameCodec::new),
    JAVA_WEBSOCKET(JavaWebSocketFrameCodec::new);

    private final Supplier<FrameCodec> factory;

    FrameCodecType(Supplier<FrameCodec> factory) {
        this.factory = factory;
    }

    /** A new codec instance; not thread-safe, so one per benchmark thread. */
    public FrameCodec newCodec() {
        return factory.get();
    }
}
