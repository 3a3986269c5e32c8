package dev.wsbench.scenario;

import dev.wsbench.Settings;
import dev.wsbench.library.netty.NettyEchoClient;
import dev.wsbench.payload.Message;
import dev.wsbench.payload.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * K concurrent WebSocket connections doing closed-loop echo, driven asynchronously: Netty's client
 * pipeline (as in {@code NettyEchoClient}) on {@value #CLIENT_THREADS} event-loop thread, so K is
 * not tied to threads. Each connection sends its next message as soon as the previous echo has
 * arrived and been checked (byte for byte, sequence stamp included, on the event loop); each round trip's time goes into a
 * {@link LatencyLog}.
 *
 * <p>Failures are counted, not fatal: a connection that cannot connect or upgrade, is closed by
 * the server, or fails with an I/O error adds to {@link #errors()} and stops; the others go on. A
 * wrong echo is different: it fails the run (an echo benchmark that accepts wrong bytes measures
 * nothing). Connects are issued at most {@value #CONNECTS_IN_FLIGHT} at a time so a server's small
 * listen backlog does not turn into SYN retries.
 */
public final class AsyncEchoLoad implements AutoCloseable {
    static final int CLIENT_THREADS = 1;
    static final int CONNECTS_IN_FLIGHT = 64;

    private final EventLoopGroup group;
    private final Message message;
    private final LatencyLog latency;
    private final String context;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicReference<String> wrongEcho = new AtomicReference<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile Thread waiter;
    private volatile long waitingFor = Long.MAX_VALUE;
    private volatile boolean closing;

    @SuppressWarnings("deprecation") // NioEventLoopGroup: see NettyEchoClient
    public AsyncEchoLoad(URI uri, int connections, Message message, LatencyLog latency, String context) throws InterruptedException {
        this.group = new NioEventLoopGroup(CLIENT_THREADS);
        this.message = message;
        this.latency = latency;
        this.context = context;
        Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
        List<CompletableFuture<Void>> handshakes = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            if (!inFlight.tryAcquire(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                countError("connect: no handshake completed within " + Settings.TIMEOUT.toMillis() + " ms");
                continue;
            }
            CompletableFuture<Void> handshake = new CompletableFuture<>();
            handshake.whenComplete((ok, failure) -> inFlight.release());
            handshakes.add(handshake);
            connect(uri, handshake);
        }
        for (CompletableFuture<Void> handshake : handshakes) {
            try {
                handshake.get(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // counted by the connection itself (or below when it never answered)
                if (!handshake.isDone()) {
                    countError("connect: no handshake within " + Settings.TIMEOUT.toMillis() + " ms");
                }
            }
        }
    }

    private void connect(URI uri, CompletableFuture<Void> handshake) {
        WebSocketClientProtocolConfig config = NettyEchoClient.protocolConfig(uri, false);
        NettyEchoClient.bootstrap(group)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new HttpClientCodec(),
                                new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(Settings.MAX_MESSAGE_BYTES),
                                new Connection(handshake));
                    }
                })
                .connect(uri.getHost(), uri.getPort())
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        countError("connect: " + f.cause());
                        handshake.completeExceptionally(f.cause());
                    }
                });
    }

    /** Connections that completed the handshake and have not failed. */
    public long open() {
        return open.get();
    }

    /** Connect, upgrade and connection failures so far. */
    public long errors() {
        return errors.get();
    }

    /** The first failure's description, or null. */
    public String firstError() {
        return firstError.get();
    }

    /** Checked round trips completed so far, over all connections. */
    public long completed() {
        return completed.get();
    }

    /** Starts the closed loop on every open connection. */
    public void start() {
        if (open.get() == 0) {
            throw new ScenarioFailedException(context + ": no connection could be opened (" + errors.get() + " errors, first: "
                    + firstError.get() + ")");
        }
        synchronized (channels) {
            for (Channel channel : channels) {
                channel.eventLoop().execute(() -> channel.pipeline().get(Connection.class).send());
            }
        }
    }

    /**
     * Blocks until at least {@code target} round trips have completed in total. Fails when an echo
     * was wrong, or when no connection is left or nothing completes within the timeout.
     */
    public void awaitCompleted(long target) {
        if (completed.get() >= target) {
            checkEchoes();
            return;
        }
        waiter = Thread.currentThread();
        waitingFor = target;
        long deadline = System.nanoTime() + Settings.TIMEOUT.toNanos();
        try {
            while (completed.get() < target) {
                checkEchoes();
                long left = deadline - System.nanoTime();
                if (left <= 0 || open.get() == 0) {
                    throw new ScenarioFailedException(context + ": " + (target - completed.get()) + " round trips still missing after "
                            + Settings.TIMEOUT.toMillis() + " ms; " + open.get() + " connections open, " + errors.get()
                            + " errors (first: " + firstError.get() + ") (raise the limit with -Dwsbench.timeoutMs=...)");
                }
                LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        } finally {
            waitingFor = Long.MAX_VALUE;
            waiter = null;
        }
    }

    private void checkEchoes() {
        String wrong = wrongEcho.get();
        if (wrong != null) {
            throw new ScenarioFailedException(context + ": " + wrong);
        }
    }

    private void countError(String what) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, what);
    }

    /** Closing handshake on every open connection (bounded wait), then the event loop stops. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        List<ChannelFuture> closed = new ArrayList<>();
        synchronized (channels) {
            for (Channel channel : channels) {
                if (channel.isActive()) {
                    channel.writeAndFlush(new CloseWebSocketFrame(1000, "done"));
                }
                closed.add(channel.closeFuture());
            }
        }
        long deadline = System.nanoTime() + Math.min(Settings.TIMEOUT.toNanos(), TimeUnit.SECONDS.toNanos(2));
        for (ChannelFuture future : closed) {
            future.await(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(Settings.TIMEOUT.toMillis());
    }

    /** One connection's closed loop, on its event loop. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private final CompletableFuture<Void> handshake;
        /** This connection's own copy, stamped with its next sequence number before each send. */
        private final Message outgoing = message.copy();
        /** Views {@code outgoing}'s bytes, so it always holds the stamp of the message in flight. */
        private final ByteBuf expected = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(outgoing.bytes()));
        private Channel channel;
        private long sentAt;
        private boolean failed;

        Connection(CompletableFuture<Void> handshake) {
            this.handshake = handshake;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                channel = ctx.channel();
                synchronized (channels) {
                    channels.add(channel);
                }
                open.incrementAndGet();
                handshake.complete(null);
            }
            ctx.fireUserEventTriggered(event);
        }

        void send() {
            outgoing.next();
            ByteBuf payload = Unpooled.wrappedBuffer(outgoing.bytes()); // the encoder masks into a new buffer
            WebSocketFrame frame = message.type() == MessageType.TEXT ? new TextWebSocketFrame(payload) : new BinaryWebSocketFrame(payload);
            sentAt = System.nanoTime();
            channel.writeAndFlush(frame).addListener(f -> {
                if (!f.isSuccess()) {
                    fail("send: " + f.cause());
                }
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof WebSocketFrame frame)) {
                ctx.fireChannelRead(msg);
                return;
            }
            long arrived = System.nanoTime();
            try {
                boolean rightType = message.type() == MessageType.TEXT ? frame instanceof TextWebSocketFrame : frame instanceof BinaryWebSocketFrame;
                if (!rightType || !ByteBufUtil.equals(frame.content(), expected)) {
                    wrongEcho.compareAndSet(null, "wrong echo on " + ctx.channel() + ": " + frame.getClass().getSimpleName() + " of "
                            + frame.content().readableBytes() + " bytes, expected " + message.type() + " of " + message.bytes().length
                            + " with sequence " + outgoing.sequence() + " (a stale or repeated echo fails too)");
                    wakeWaiter();
                    ctx.close();
                    return;
                }
            } finally {
                frame.release();
            }
            latency.record(arrived - sentAt);
            long done = completed.incrementAndGet();
            if (done >= waitingFor) {
                wakeWaiter();
            }
            send();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(cause.toString());
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail("connection closed by the server");
            ctx.fireChannelInactive();
        }

        private void fail(String what) {
            if (failed || closing) {
                return;
            }
            failed = true;
            if (channel != null) {
                open.decrementAndGet();
            } else {
                handshake.completeExceptionally(new IllegalStateException(what));
            }
            countError(what);
            wakeWaiter();
        }
    }

    private void wakeWaiter() {
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
