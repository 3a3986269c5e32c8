package dev.wsbench.client;

import dev.wsbench.Settings;
import dev.wsbench.tls.GeneratedCertificate;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The socket code shared by the reference WebSocket client and the raw TCP client, so that the
 * raw TCP baseline differs from a WebSocket echo only by the framing: a blocking socket with
 * TCP_NODELAY, a read timeout, and a small read buffer for headers.
 */
final class BlockingSocket implements AutoCloseable, IoWatchdog.Watched {
    private static final int READ_BUFFER = 16 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] readBuffer = new byte[READ_BUFFER];
    private int readPos;
    private int readLimit;
    /** Odd while a write is in progress; the {@link IoWatchdog} closes a socket whose write stays put too long. */
    private volatile long writes;
    private volatile boolean writeTimedOut;

    BlockingSocket(String host, int port) throws IOException {
        this(host, port, null);
    }

    /** With {@code tls}, a TLS socket (handshake on connect, host name checked against the certificate). */
    BlockingSocket(String host, int port, SSLContext tls) throws IOException {
        socket = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Settings.TIMEOUT.toMillis());
            socket.connect(new InetSocketAddress(host, port), (int) Settings.TIMEOUT.toMillis());
            if (socket instanceof SSLSocket tlsSocket) {
                SSLParameters params = tlsSocket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tlsSocket.setSSLParameters(params);
                tlsSocket.startHandshake();
            }
            in = socket.getInputStream();
            out = socket.getOutputStream();
            IoWatchdog.watch(this);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** {@code ws://} plain, {@code wss://} over TLS trusting the suite's generated certificate. */
    static BlockingSocket connect(URI uri) throws IOException {
        boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        return new BlockingSocket(uri.getHost(), uri.getPort(), tls ? GeneratedCertificate.get().client() : null);
    }

    /** Changes how long a read may block before it fails with a timeout. */
    void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    }

    /**
     * Writes all of {@code bytes[offset..offset+length)}. {@code java.net.Socket} has no write
     * timeout, so a write that stays blocked (the peer stopped reading) for longer than
     * {@link Settings#TIMEOUT} is ended by the {@link IoWatchdog}, which closes the socket; the
     * write then fails with a message saying so.
     */
    void write(byte[] bytes, int offset, int length) throws IOException {
        writes++;
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            if (writeTimedOut) {
                throw new IOException("write of " + length + " bytes blocked for more than " + Settings.TIMEOUT.toMillis()
                        + " ms: the peer stopped reading (raise the limit with -Dwsbench.timeoutMs=...)", e);
            }
            throw e;
        } finally {
            writes++;
        }
    }

    /** Called by the watchdog: the write in progress has not finished within the timeout. */
    @Override
    public void abortStuckIo() {
        writeTimedOut = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is how the blocked write is ended; nothing else to do
        }
    }

    @Override
    public long ioCount() {
        return writes;
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    /** Reads one byte (buffered). */
    int readByte() throws IOException, TimeoutException {
        if (readPos == readLimit) {
            fill();
        }
        return readBuffer[readPos++] & 0xFF;
    }

    /** Reads exactly {@code length} bytes into {@code dst}: first what is buffered, then straight from the socket. */
    void readFully(byte[] dst, int offset, int length) throws IOException, TimeoutException {
        int buffered = Math.min(length, readLimit - readPos);
        System.arraycopy(readBuffer, readPos, dst, offset, buffered);
        readPos += buffered;
        int done = buffered;
        while (done < length) {
            int n = read(dst, offset + done, length - done);
            done += n;
        }
    }

    private void fill() throws IOException, TimeoutException {
        readLimit = read(readBuffer, 0, readBuffer.length);
        readPos = 0;
    }

    private int read(byte[] dst, int offset, int length) throws IOException, TimeoutException {
        int n;
        try {
            n = in.read(dst, offset, length);
        } catch (SocketTimeoutException e) {
            throw new TimeoutException("no data within " + Settings.TIMEOUT.toMillis() + " ms");
        }
        if (n < 0) {
            throw new EOFException("connection closed by peer");
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        IoWatchdog.forget(this);
        socket.close();
    }
}
