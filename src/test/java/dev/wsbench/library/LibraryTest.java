package dev.wsbench.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry's names and roles: what benchmarks, scripts and tests take their lists from. */
class LibraryTest {

    @Test
    void everyLibraryHasARoleAndDistinctNames() {
        Set<String> names = new HashSet<>();
        for (Library l : Library.values()) {
            assertTrue(l.hasServer() || l.hasClient() || l.hasCodec(), l + " has no server, client or codec");
            assertTrue(names.add(l.cliName()) && names.add(l.displayName().toLowerCase()) || l.cliName().equals(l.displayName().toLowerCase()),
                    l + " shares a name with another library");
            assertTrue(l.versionProperty().endsWith(".version"), l + ": " + l.versionProperty());
        }
        assertFalse(Library.withServer().isEmpty());
    }

    @Test
    void clientNamesAreTheTwoBuiltInOnesThenEveryLibraryClient() {
        List<String> names = EchoClients.names();
        assertEquals(List.of(EchoClients.REFERENCE, EchoClients.JDK), names.subList(0, 2));
        assertEquals(Library.withClient().stream().map(Library::name).toList(), names.subList(2, names.size()));
        for (String name : names) {
            EchoClients.byName(name.toLowerCase()); // resolves, whatever the case
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EchoClients.byName("no-such-client"));
        assertEquals("unknown client 'no-such-client'; known: " + String.join(", ", names), e.getMessage());
    }

    @Test
    void namesResolveEitherWayAndAnUnknownOneListsTheKnown() {
        assertEquals(Library.JAVA_WEBSOCKET, Library.byName("java-websocket"));
        assertEquals(Library.JAVA_WEBSOCKET, Library.byName("JAVA_WEBSOCKET"));
        assertEquals(Library.JAVA_WEBSOCKET, Library.byName("Java-WebSocket"));
        assertEquals("netty.version", Library.NETTY.versionProperty());
        assertTrue(Library.JETTY.ownsGroup("org.eclipse.jetty.websocket") && !Library.JETTY.ownsGroup("org.eclipse.jettyx"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Library.byName("no-such-library"));
        assertEquals("unknown library 'no-such-library'; known: " + Library.names(), e.getMessage());
    }

    @Test
    void aRoleALibraryLacksIsAClearError() {
        for (Library l : Library.values()) {
            if (!l.hasServer()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Library.serverNamed(l.cliName()));
                assertTrue(e.getMessage().startsWith(l.displayName() + " has no server in this suite; libraries with one: "), e.getMessage());
            }
            if (!l.hasCodec()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, l::newCodec);
                assertTrue(e.getMessage().startsWith(l.displayName() + " has no frame codec in this suite"), e.getMessage());
            }
        }
    }
}
