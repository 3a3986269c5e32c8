package dev.wsbench;

import dev.wsbench.library.Library;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The libraries the tests run for: every library of the registry, or with
 * {@code -Dwsbench.libraries=NAME[,NAME...]} (script names, constants or display names, as
 * {@link Library#byName}) only those, so that a library's maintainer runs its tests alone:
 * {@code mvn test -Dwsbench.libraries=vertx}. A test that pairs a server with a client keeps the
 * pairs where either side is selected; the harness's own tests (results, statistics, launcher) run
 * whatever the selection. An unknown name fails every test that asks, naming the known ones.
 */
public final class TestLibraries {
    /** The system property; Maven passes {@code -D} on its command line through to the tests. */
    public static final String PROPERTY = "wsbench.libraries";

    private TestLibraries() {
    }

    /** Every library of the selection, or every library. */
    public static Set<Library> selected() {
        String wanted = System.getProperty(PROPERTY, "").trim();
        if (wanted.isEmpty()) {
            return EnumSet.allOf(Library.class);
        }
        Set<Library> out = EnumSet.noneOf(Library.class);
        Arrays.stream(wanted.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Library::byName).forEach(out::add);
        return out;
    }

    /** True when no selection was given, or this library is in it. */
    public static boolean isSelected(Library library) {
        return selected().contains(library);
    }

    /**
     * For a {@code -p client=} name: true when no selection was given or the client is a selected
     * library's; the JDK's and the reference client belong to no library, so a selection leaves them
     * to pairs whose server is selected.
     */
    public static boolean isSelectedClient(String client) {
        if (System.getProperty(PROPERTY, "").isBlank()) {
            return true;
        }
        return Arrays.stream(Library.values()).anyMatch(l -> l.name().equals(client) && isSelected(l));
    }

    public static List<Library> servers() {
        return Library.withServer().stream().filter(TestLibraries::isSelected).toList();
    }

    public static List<Library> clients() {
        return Library.withClient().stream().filter(TestLibraries::isSelected).toList();
    }

    public static List<Library> codecs() {
        return Library.withCodec().stream().filter(TestLibraries::isSelected).toList();
    }
}
