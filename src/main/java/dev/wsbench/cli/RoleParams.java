package dev.wsbench.cli;

import dev.wsbench.ParamNames;
import dev.wsbench.library.EchoClients;
import dev.wsbench.library.Library;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmark parameters whose values are libraries ({@code server}, {@code library}) or clients
 * ({@code client}), with their values taken from the {@link Library} registry, so that no benchmark
 * or set lists library names: a library added to the registry is in every run.
 *
 * <p>{@code server} and {@code library} are {@link Library}-typed {@code @Param}s without values; JMH
 * alone would run every constant, including libraries without that role, so the launcher always
 * passes their values: the user's, or every library with the role. {@code ALL} as a value stands for
 * every library (or client) with the role, as in the full set's {@code -p client=ALL}.
 */
final class RoleParams {
    static final String ALL = "ALL";

    /** Parameter name to its values; insertion order is the order defaults are added in. */
    private static final Map<String, Supplier<List<String>>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(ParamNames.SERVER, () -> Library.withServer().stream().map(Library::name).toList());
        ROLES.put(ParamNames.LIBRARY, () -> Library.withCodec().stream().map(Library::name).toList());
        ROLES.put(ParamNames.CLIENT, EchoClients::names);
    }

    /** Parameters that take their default from the registry when not given ({@code client}'s default is REFERENCE, in the benchmark). */
    private static final List<String> FILLED = List.of(ParamNames.SERVER, ParamNames.LIBRARY);

    private RoleParams() {
    }

    /** Returns a one-line description of the first role value that names nothing with that role, or null. */
    static String check(String[] args) {
        Map<String, List<String>> given;
        try {
            given = ParamCheck.given(args);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        for (Map.Entry<String, Supplier<List<String>>> role : ROLES.entrySet()) {
            List<String> known = role.getValue().get();
            for (String value : given.getOrDefault(role.getKey(), List.of())) {
                if (!value.equalsIgnoreCase(ALL) && !known.contains(value)) {
                    String why = Arrays.stream(Library.values()).anyMatch(l -> l.name().equals(value))
                            ? value + " has no " + (role.getKey().equals(ParamNames.LIBRARY) ? "frame codec" : role.getKey()) + " in this suite"
                            : "unknown value '" + value + "' for -p " + role.getKey();
                    return why + "; -p " + role.getKey() + " takes: " + String.join(", ", known) + " (or " + ALL + ")";
                }
            }
        }
        return null;
    }

    /** {@code args} with every {@code ALL} expanded and {@code -p server=} / {@code -p library=} added where not given. */
    static String[] complete(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            out.add(args[i]);
            if (args[i].equals("-p") && i + 1 < args.length) {
                out.add(expand(args[++i]));
            }
        }
        if (Arrays.asList(args).contains("-l") || Arrays.asList(args).contains("-h")) {
            return out.toArray(new String[0]); // listing names only: nothing to fill
        }
        Map<String, List<String>> given = ParamCheck.given(args);
        for (String name : FILLED) {
            if (!given.containsKey(name)) {
                out.add("-p");
                out.add(name + "=" + String.join(",", ROLES.get(name).get()));
            }
        }
        return out.toArray(new String[0]);
    }

    private static String expand(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || !ROLES.containsKey(spec.substring(0, eq))) {
            return spec;
        }
        List<String> values = new ArrayList<>();
        for (String value : spec.substring(eq + 1).split(",")) {
            if (value.equalsIgnoreCase(ALL)) {
                ROLES.get(spec.substring(0, eq)).get().stream().filter(v -> !values.contains(v)).forEach(values::add);
            } else if (!values.contains(value)) {
                values.add(value);
            }
        }
        return spec.substring(0, eq + 1) + String.join(",", values);
    }
}
