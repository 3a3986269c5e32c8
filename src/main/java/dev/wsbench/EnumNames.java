package dev.wsbench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns user-typed names ("netty", "java-websocket") into enum constants, with a helpful error. */
public final class EnumNames {
    private EnumNames() {
    }

    /** Case-insensitive; '-' and '_' are interchangeable. */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        String wanted = name == null ? "" : name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; known: " + known(type));
    }

    /** The constants as users type them: lower case with '-'. */
    public static <E extends Enum<E>> String known(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }
}
