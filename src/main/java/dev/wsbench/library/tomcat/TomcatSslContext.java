package dev.wsbench.library.tomcat;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;

/**
 * The suite's JDK {@link SSLContext} as Tomcat's own {@code SSLContext} interface, which a connector
 * uses instead of building one from key store files when it is set on the certificate.
 */
final class TomcatSslContext implements org.apache.tomcat.util.net.SSLContext {
    private final SSLContext jdk;

    TomcatSslContext(SSLContext jdk) {
        this.jdk = jdk;
    }

    @Override
    public void init(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
        // already initialised by the suite
    }

    @Override
    public void destroy() {
    }

    @Override
    public SSLSessionContext getServerSessionContext() {
        return jdk.getServerSessionContext();
    }

    @Override
    public SSLEngine createSSLEngine() {
        return jdk.createSSLEngine();
    }

    @Override
    public SSLServerSocketFactory getServerSocketFactory() {
        return jdk.getServerSocketFactory();
    }

    @Override
    public SSLParameters getSupportedSSLParameters() {
        return jdk.getSupportedSSLParameters();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return new X509Certificate[0];
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
