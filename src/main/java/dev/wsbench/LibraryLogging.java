package dev.wsbench;

/**
 * Sends the logging of Undertow and XNIO (JBoss Logging) to SLF4J, like Jetty's and
 * Java-WebSocket's, so that one setting (simplelogger.properties: warnings and up) keeps library
 * chatter such as "starting server" out of JMH's output. Without this JBoss Logging falls back to
 * java.util.logging at INFO.
 */
public final class LibraryLogging {
    private LibraryLogging() {
    }

    /** Call before the first Undertow or XNIO class is initialised; an explicit user setting wins. */
    public static void routeJBossLoggingToSlf4j() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }
}
