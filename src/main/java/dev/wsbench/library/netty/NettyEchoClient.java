package dev.wsbench.library.netty;

import dev.wsbench.Settings;
import dev.wsbench.client.EchoClient;
import dev.wsbench.client.EchoMailbox;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import dev.wsbench.payload.ReceivedMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Netty's client pipeline: {@code HttpClientCodec}, {@code HttpObjectAggregator},
 * {@code WebSocketClientProtocolHandler} (masking on, UTF-8 validation on, as shipped) and
 * {@code WebSocketFrameAggregator}, on an event loop group of one NIO thread. It sends only after
 * the handshake-complete event. Deviation from defaults: {@code maxFramePayloadLength} and the
 * aggregator limit raised from 65536 to {@link Settings#MAX_MESSAGE_BYTES}.
 *
 * <p>{@code NioEventLoopGroup} is deprecated in 4.2 in favour of {@code MultiThreadIoEventLoopGroup},
 * which 4.1 lacks; 4.2 implements the former on top of the latter, so one source serves both lines.
 */
public final class NettyEchoClient implements EchoClient {
    private final EventLoopGroup group;
    private final Channel channel;
    private final EchoMailbox mailbox;
    private final ChannelFutureListener onSendFailure;

    private NettyEchoClient(EventLoopGroup group, Channel channel, EchoMailbox mailbox) {
        this.group = group;
        this.channel = channel;
        this.mailbox = mailbox;
        this.onSendFailure = future -> {
            if (!future.isSuccess()) {
                mailbox.fail(future.cause());
            }
        };
    }

    public static NettyEchoClient connect(URI uri) throws Exception {
        return connect(uri, false);
    }

    /**
     * With {@code deflate}, offers permessage-deflate through Netty's
     * {@code WebSocketClientCompressionHandler} (its defaults); {@link #compressing()} tells whether the
     * server accepted.
     */
    @SuppressWarnings("deprecation")
    public static NettyEchoClient connect(URI uri, boolean deflate) throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(1);
        EchoMailbox mailbox = new EchoMailbox();
        CompletableFuture<Void> handshake = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = protocolConfig(uri, deflate);
        try {
            Channel channel = bootstrap(group)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192));
                            if (deflate) {
                                ch.pipeline().addLast(WebSocketClientCompressionHandler.INSTANCE);
                            }
                            ch.pipeline().addLast(
                                    new WebSocketClientProtocolHandler(config),
                                    new WebSocketFrameAggregator(Settings.MAX_MESSAGE_BYTES),
                                    new Receiver(mailbox, handshake));
                        }
                    })
                    .connect(uri.getHost(), uri.getPort())
                    .sync()
                    .channel();
            handshake.get(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new NettyEchoClient(group, channel, mailbox);
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(Settings.TIMEOUT.toMillis());
            throw e;
        }
    }

    /** The suite's client protocol settings: size limit raised, bounded handshake, extensions only when offering deflate. */
    public static WebSocketClientProtocolConfig protocolConfig(URI uri, boolean deflate) {
        return WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(Settings.MAX_MESSAGE_BYTES)
                .handshakeTimeoutMillis(Settings.TIMEOUT.toMillis())
                .allowExtensions(deflate)
                .build();
    }

    /** A NIO client bootstrap on {@code group} with TCP_NODELAY and the suite's connect timeout. */
    public static Bootstrap bootstrap(EventLoopGroup group) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Settings.TIMEOUT.toMillis());
    }

    @Override
    public ReceivedMessage roundTrip(Message message) throws IOException, TimeoutException, InterruptedException {
        mailbox.expect();
        // The encoder writes the masked payload into a new buffer; the wrapped array stays intact.
        ByteBuf payload = Unpooled.wrappedBuffer(message.bytes());
        Object frame = message.type() == MessageType.TEXT ? new TextWebSocketFrame(payload) : new BinaryWebSocketFrame(payload);
        channel.writeAndFlush(frame).addListener(onSendFailure);
        return mailbox.await();
    }

    /** Whether permessage-deflate was negotiated (Netty then has deflate handlers in the pipeline). */
    public boolean compressing() {
        return channel.pipeline().names().stream().anyMatch(name -> name.contains("Deflate"));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            channel.close().await(Settings.TIMEOUT.toMillis());
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(Settings.TIMEOUT.toMillis());
        }
    }

    private static final class Receiver extends ChannelInboundHandlerAdapter {
        private final EchoMailbox mailbox;
        private final CompletableFuture<Void> handshake;

        Receiver(EchoMailbox mailbox, CompletableFuture<Void> handshake) {
            this.mailbox = mailbox;
            this.handshake = handshake;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                handshake.complete(null);
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                handshake.completeExceptionally(new TimeoutException("Netty client: handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof BinaryWebSocketFrame frame) {
                    deliver(MessageType.BINARY, frame.content());
                } else if (msg instanceof TextWebSocketFrame frame) {
                    deliver(MessageType.TEXT, frame.content());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void deliver(MessageType type, ByteBuf content) {
            ReceivedMessage received = mailbox.message();
            received.begin(type);
            int length = content.readableBytes();
            int at = received.reserve(length);
            content.getBytes(content.readerIndex(), received.buffer(), at, length);
            mailbox.complete();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            IOException closed = new IOException("connection closed");
            handshake.completeExceptionally(closed);
            mailbox.fail(closed);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshake.completeExceptionally(cause);
            mailbox.fail(cause);
            ctx.close();
        }
    }
}
