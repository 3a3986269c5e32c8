package dev.wsbench.tls;

import dev.wsbench.Settings;
import dev.wsbench.server.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made when first needed, by the running JDK's own {@code keytool}
 * (EC P-256, valid 2 days, subject CN=localhost, SAN localhost and 127.0.0.1), so that no key
 * material is committed and nothing expires in the repository. The key store lives in a temporary
 * directory deleted on exit. {@link #server()} serves it; {@link #client()} trusts only it.
 */
public final class GeneratedCertificate {
    private static final char[] PASSWORD = "wsbench-generated".toCharArray();
    private static volatile GeneratedCertificate instance;

    private final SSLContext server;
    private final KeyManagerFactory serverKeys;
    private final SSLContext client;

    private GeneratedCertificate(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        serverKeys = kmf;
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("wsbench", keys.getCertificate("wsbench"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
    }

    /** The certificate of this JVM, generated on first use. */
    public static GeneratedCertificate get() {
        GeneratedCertificate c = instance;
        if (c == null) {
            synchronized (GeneratedCertificate.class) {
                c = instance;
                if (c == null) {
                    try {
                        c = instance = new GeneratedCertificate(generate());
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot generate the TLS certificate for wss with "
                                + keytool() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return c;
    }

    public SSLContext server() {
        return server;
    }

    /** What a server serving this certificate over {@code wss} is started with (no extension). */
    public ServerOptions serverOptions() {
        return new ServerOptions(server, serverKeys, false);
    }

    public SSLContext client() {
        return client;
    }

    private static Path keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool");
    }

    private static KeyStore generate() throws Exception {
        Path dir = Files.createTempDirectory("wsbench-tls");
        Path store = dir.resolve("wsbench.p12");
        List<String> command = new ArrayList<>(List.of(keytool().toString(), "-genkeypair", "-alias", "wsbench",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(Settings.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within " + Settings.TIMEOUT.toMillis() + " ms");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool exited with " + process.exitValue() + ": " + output.trim());
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
        return keys;
    }
}
