package dev.wsbench.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsbench.client.EchoClientType;
import dev.wsbench.frames.FrameCodecType;
import dev.wsbench.server.EchoServerType;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every server, client and codec constant belongs to a library of the registry, by the same name. */
class LibraryTest {
    private static final Set<String> LIBRARIES = Arrays.stream(Library.values()).map(Enum::name).collect(Collectors.toSet());

    @Test
    void everyServerAndCodecIsALibrarysAndEveryLibraryHasAServer() {
        for (EchoServerType s : EchoServerType.values()) {
            assertTrue(LIBRARIES.contains(s.name()), s + " has no Library constant");
        }
        for (FrameCodecType c : FrameCodecType.values()) {
            assertTrue(LIBRARIES.contains(c.name()), c + " has no Library constant");
        }
        for (Library l : Library.values()) {
            assertEquals(l.name(), EchoServerType.valueOf(l.name()).name(), l + " has no server");
        }
    }

    @Test
    void everyLibraryClientIsALibrarys() {
        Set<String> notLibraries = Set.of("REFERENCE", "JDK");
        for (EchoClientType c : EchoClientType.values()) {
            assertTrue(notLibraries.contains(c.name()) || LIBRARIES.contains(c.name()), c + " has no Library constant");
        }
    }

    @Test
    void namesResolveEitherWayAndAnUnknownOneListsTheKnown() {
        assertEquals(Library.JAVA_WEBSOCKET, Library.byName("java-websocket"));
        assertEquals(Library.JAVA_WEBSOCKET, Library.byName("JAVA_WEBSOCKET"));
        assertEquals("netty.version", Library.NETTY.versionProperty());
        assertTrue(Library.JETTY.ownsGroup("org.eclipse.jetty.websocket") && !Library.JETTY.ownsGroup("org.eclipse.jettyx"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Library.byName("no-such-library"));
        assertEquals("unknown library 'no-such-library'; known: " + Library.names(), e.getMessage());
    }
}
