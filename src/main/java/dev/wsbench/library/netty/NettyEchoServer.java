package dev.wsbench.library.netty;

import dev.wsbench.Settings;
import dev.wsbench.protocol.Protocol;
import dev.wsbench.server.BoundServer;
import dev.wsbench.server.ScenarioHub;
import dev.wsbench.server.ServerOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Netty's server pipeline: {@code HttpServerCodec}, {@code HttpObjectAggregator},
 * {@code WebSocketServerProtocolHandler} (UTF-8 validation on, as shipped),
 * {@code WebSocketFrameAggregator} and an echo handler (chosen per connection by path; scenario paths get
 * the {@link ScenarioHub} handler) that writes a binary frame back as received (zero copy: the
 * frame's buffer is reused for the reply) and, like the other servers, decodes a text message
 * to a {@code String} and encodes that String into a new frame. One boss thread, default worker count
 * (2 x CPUs). Deviations from defaults: {@code maxFramePayloadLength} and the aggregator limit raised
 * from 65536 to {@link Settings#MAX_MESSAGE_BYTES}; no compression handler (permessage-deflate off) unless
 * {@link ServerOptions#deflate()} adds {@code WebSocketServerCompressionHandler} (its defaults) on the echo path.
 * TLS: an {@code SslHandler} from the JDK context ({@code JdkSslContext}).
 * TCP_NODELAY is set explicitly (Netty's default is also on). Requests to other paths get a 404.
 */
public final class NettyEchoServer extends BoundServer {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private NettyEchoServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel, String host, String scheme) {
        super(host, ((InetSocketAddress) channel.localAddress()).getPort(), scheme);
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    @SuppressWarnings("deprecation") // NioEventLoopGroup: see NettyEchoClient
    public static NettyEchoServer start(String host, int port, ServerOptions options) throws InterruptedException {
        SslContext tls = options.isTls()
                ? new JdkSslContext(options.tls(), false, ClientAuth.NONE) : null;
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup();
        ScenarioHub hub = new ScenarioHub();
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (tls != null) {
                                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            }
                            ch.pipeline().addLast(
                                    new HttpServerCodec(),
                                    new HttpObjectAggregator(65536),
                                    new PathRouter(hub, options.deflate()));
                        }
                    })
                    .bind(host, port)
                    .sync()
                    .channel();
            return new NettyEchoServer(boss, workers, channel, host, options.scheme());
        } catch (RuntimeException | InterruptedException e) {
            shutdown(boss, workers);
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            channel.close().await(Settings.TIMEOUT.toMillis());
        } finally {
            shutdown(boss, workers);
        }
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        // No quiet period: the benchmark is over, nothing more will arrive.
        boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(Settings.TIMEOUT.toMillis());
        workers.terminationFuture().awaitUninterruptibly(Settings.TIMEOUT.toMillis());
    }

    private static WebSocketServerProtocolConfig config(String path, boolean deflate) {
        return WebSocketServerProtocolConfig.newBuilder()
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(Settings.MAX_MESSAGE_BYTES).allowExtensions(deflate).build())
                .websocketPath(path)
                .checkStartsWith(!path.equals(Protocol.ECHO_PATH)) // scenario paths carry a query
                .build();
    }

    /**
     * Picks the handlers for the request's path, once per connection, then removes itself: the echo
     * path gets the echo handler, scenario paths the {@link ScenarioHub} handler, anything else a 404.
     */
    private static final class PathRouter extends ChannelInboundHandlerAdapter {
        private final ScenarioHub hub;
        private final boolean deflate;

        PathRouter(ScenarioHub hub, boolean deflate) {
            this.hub = hub;
            this.deflate = deflate;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                String path = new QueryStringDecoder(request.uri()).path();
                ChannelPipeline pipeline = ctx.pipeline();
                if (path.equals(Protocol.ECHO_PATH)) {
                    // The compression handler must see the request before the protocol handler's
                    // handshake handler (which that handler inserts in front of itself) answers it.
                    String before = ctx.name();
                    if (deflate) {
                        pipeline.addAfter(before, "deflate",
                                new WebSocketServerCompressionHandler());
                        before = "deflate";
                    }
                    pipeline.addAfter(before, "ws", new WebSocketServerProtocolHandler(config(path, deflate)));
                    pipeline.addAfter("ws", "aggregator", new WebSocketFrameAggregator(Settings.MAX_MESSAGE_BYTES));
                    pipeline.addAfter("aggregator", "echo", new EchoHandler());
                } else if (ScenarioHub.serves(path)) {
                    pipeline.addAfter(ctx.name(), "ws", new WebSocketServerProtocolHandler(config(path, false)));
                    pipeline.addAfter("ws", "aggregator", new WebSocketFrameAggregator(Settings.MAX_MESSAGE_BYTES));
                    pipeline.addAfter("aggregator", "scenario", new ScenarioHandler(hub));
                } else {
                    pipeline.addAfter(ctx.name(), "notFound", new NotFoundHandler());
                }
                pipeline.remove(this);
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** The field scenarios: {@link ScenarioHub} logic, Netty's channel for sending. */
    private static final class ScenarioHandler extends ChannelInboundHandlerAdapter implements ScenarioHub.Peer {
        private final ScenarioHub hub;
        private Channel channel;
        private ScenarioHub.Session scenario;

        ScenarioHandler(ScenarioHub hub) {
            this.hub = hub;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
                channel = ctx.channel();
                scenario = hub.open(handshake.requestUri(), this);
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof BinaryWebSocketFrame frame) {
                try {
                    scenario.onBinary(frame.content().nioBuffer()); // the hub copies what it keeps
                } finally {
                    frame.release();
                }
            } else if (msg instanceof TextWebSocketFrame frame) {
                try {
                    scenario.onText(frame.text());
                } finally {
                    frame.release();
                }
            } else {
                ctx.fireChannelRead(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (scenario != null) {
                scenario.onClose();
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void sendBinary(ByteBuffer data) {
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)));
        }

        @Override
        public void sendText(String text) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }

        @Override
        public void close(int code, String reason) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof BinaryWebSocketFrame) {
                ctx.writeAndFlush(msg); // ownership of the frame passes to the write
            } else if (msg instanceof TextWebSocketFrame frame) {
                // Text does what the other servers' text echo does: decode the message to a
                // String (as an application receives it) and encode that String into a new frame.
                String text;
                try {
                    text = frame.text();
                } finally {
                    frame.release();
                }
                ctx.writeAndFlush(new TextWebSocketFrame(text));
            } else {
                ctx.fireChannelRead(msg);
            }
        }
    }

    /** Answers plain HTTP requests that are not WebSocket upgrades on the echo path. */
    private static final class NotFoundHandler extends SimpleChannelInboundHandler<Object> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest) {
                DefaultFullHttpResponse response = new DefaultFullHttpResponse(((FullHttpRequest) msg).protocolVersion(),
                        HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else {
                ReferenceCountUtil.retain(msg);
                ctx.fireChannelRead(msg);
            }
        }
    }
}
