package dev.wsbench.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.wsbench.placement.CpuProfiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Results as a history a change-point tracker reads: Apache Otava's JSON input ({@code type: json}
 * in {@code otava.yaml}), one entry per measured run, appended to a history file that grows with
 * every run. {@code bin/export-history [--branch NAME] HISTORY.json INPUT...}; an INPUT is a JMH
 * result file with its provenance beside it (a plain run), or a folder whose result files have
 * provenance beside them (a comparison's {@code baseline.json} and {@code candidate.json}, a
 * sweep's {@code versions/*.json}).
 *
 * <p>An entry: {@code timestamp} (the run's time, Unix seconds), {@code metrics} (each
 * {@code {"name", "value"}}), {@code attributes} (strings: the provenance). A metric's name is the
 * row's stable name, {@link JmhResult#stableName}: the benchmark, then its parameters sorted by name,
 * {@code EchoBenchmark.roundTrip{client=REFERENCE,placement=ONE_CPU,server=NETTY,size=256,type=BINARY}},
 * with {@code :cpu.us/op}, {@code :cpu.server.us/op} or {@code :gc.alloc.rate.norm} after it for
 * the CPU and allocation per operation. Values are JMH's scores in the row's unit
 * (the {@code unit} of the suite's results; a comparison side's or a sweep version's are the merged
 * forks' scores). Attributes: {@code run} (the entry's identity: time and file; exporting it again
 * replaces it), {@code commit}, {@code jdk}, {@code machine}, one per library ({@code netty},
 * {@code jetty}, ...: the version the run loaded), {@code jmh}, {@code comparison} (which side of what,
 * where there was one) and {@code branch} (with {@code --branch}; Otava filters on it).
 *
 * <p>Otava orders entries by time. A folder's files were measured together, their provenance
 * written within a minute of each other, so each is stamped at least one second after the one
 * before, in their names' order ({@code baseline} before {@code candidate}, a sweep's versions
 * oldest first).
 */
public final class HistoryExport {
    static final String BRANCH = "--branch";
    private static final List<String> SECONDARY = List.of(CpuProfiler.PROCESS_METRIC, CpuProfiler.SERVER_METRIC, "gc.alloc.rate.norm");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private HistoryExport() {
    }

    public static void main(String[] args) {
        try {
            List<String> rest = new ArrayList<>(List.of(args));
            String branch = null;
            if (!rest.isEmpty() && rest.get(0).equals(BRANCH)) {
                if (rest.size() < 2) {
                    throw new ResultFileException(BRANCH + " needs a value");
                }
                branch = rest.get(1);
                rest = rest.subList(2, rest.size());
            }
            if (rest.size() < 2) {
                throw new ResultFileException("usage: bin/export-history [--branch NAME] HISTORY.json RESULT.json|FOLDER...");
            }
            Path history = Path.of(rest.get(0));
            List<Path> inputs = new ArrayList<>();
            for (String input : rest.subList(1, rest.size())) {
                inputs.addAll(resultFiles(Path.of(input)));
            }
            int added = export(history, inputs, branch);
            System.out.println("history: " + history + ": " + added + " runs written (" + read(history).size() + " in all)");
        } catch (ResultFileException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: cannot write the history: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Appends (or replaces) one entry per result file; returns how many were written. */
    static int export(Path history, List<Path> results, String branch) throws IOException {
        JsonArray entries = Files.exists(history) ? read(history) : new JsonArray();
        Instant previous = null;
        for (Path file : results) {
            Provenance p = Provenance.readBeside(file);
            if (p == null) {
                throw new ResultFileException(file + ": no provenance beside it (" + Provenance.fileFor(file).getFileName()
                        + "); the history keeps only runs it can say the versions of");
            }
            Instant time = time(p, file).truncatedTo(ChronoUnit.SECONDS);
            if (previous != null && !time.isAfter(previous) && time.plusSeconds(60).isAfter(previous)) {
                time = previous.plusSeconds(1); // measured together: one second apart, in the order given
            }
            previous = time;
            JsonObject entry = entry(JmhResultFile.read(file), p, time, file, branch);
            String run = entry.getAsJsonObject("attributes").get("run").getAsString();
            for (int i = entries.size() - 1; i >= 0; i--) {
                JsonObject old = entries.get(i).getAsJsonObject();
                if (old.has("attributes") && old.getAsJsonObject("attributes").has("run")
                        && old.getAsJsonObject("attributes").get("run").getAsString().equals(run)) {
                    entries.remove(i);
                }
            }
            entries.add(entry);
        }
        List<JsonElement> sorted = new ArrayList<>();
        entries.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong(e -> e.getAsJsonObject().get("timestamp").getAsLong()));
        JsonArray out = new JsonArray();
        sorted.forEach(out::add);
        Files.createDirectories(history.toAbsolutePath().getParent());
        Files.writeString(history, GSON.toJson(out) + "\n");
        return results.size();
    }

    /** One run as an Otava entry. */
    static JsonObject entry(List<JmhResult> rows, Provenance p, Instant time, Path file, String branch) {
        JsonObject entry = new JsonObject();
        entry.addProperty("timestamp", time.getEpochSecond());
        JsonArray metrics = new JsonArray();
        for (JmhResult r : rows) {
            String name = r.stableName();
            metrics.add(metric(name, r.score()));
            for (String s : SECONDARY) {
                Double v = r.secondary().get(s);
                if (v != null && !v.isNaN()) {
                    metrics.add(metric(name + ":" + s, v));
                }
            }
        }
        entry.add("metrics", metrics);
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("run", p.time + " " + file.getFileName());
        attributes.put("commit", String.valueOf(p.gitCommit));
        attributes.put("jdk", p.jdkVendor + " " + p.jdkVersion);
        attributes.put("machine", p.machine());
        p.libraries().forEach((library, version) -> attributes.put(library.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), version));
        if (p.comparison != null) {
            attributes.put("comparison", p.comparison);
        }
        if (branch != null) {
            attributes.put("branch", branch);
        }
        JsonObject a = new JsonObject();
        attributes.forEach(a::addProperty);
        entry.add("attributes", a);
        return entry;
    }

    private static JsonObject metric(String name, double value) {
        JsonObject m = new JsonObject();
        m.addProperty("name", name);
        m.addProperty("value", value);
        return m;
    }

    /** A result file, or a folder's result files (and those of its versions/ folder) that have provenance beside them, in name order. */
    static List<Path> resultFiles(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            if (!Files.exists(input)) {
                throw new ResultFileException(input + ": no such file or folder");
            }
            return List.of(input);
        }
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(input, input.resolve("versions"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".provenance.json")
                        && Files.exists(Provenance.fileFor(f))).sorted(Comparator.comparing(f -> f.getFileName().toString(), HistoryExport::natural))
                        .forEach(out::add);
            }
        }
        if (out.isEmpty()) {
            throw new ResultFileException(input + ": no JMH result file with provenance beside it here (a run's jmh-TIME.json, a comparison's"
                    + " baseline.json and candidate.json, a sweep's versions/)");
        }
        return out;
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+|\\D+");

    /** Names with their numbers compared as numbers: 4.1.9 before 4.1.10. */
    static int natural(String a, String b) {
        Matcher x = NUMBER.matcher(a);
        Matcher y = NUMBER.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int c = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static Instant time(Provenance p, Path file) {
        try {
            return Instant.parse(p.time);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ResultFileException(Provenance.fileFor(file) + ": no readable time (" + p.time + ")");
        }
    }

    private static JsonArray read(Path history) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(history));
            if (!root.isJsonArray()) {
                throw new ResultFileException(history + ": not an Otava JSON history (expected an array of runs); name another file");
            }
            return root.getAsJsonArray();
        } catch (IOException e) {
            throw new ResultFileException(history + ": cannot read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new ResultFileException(history + ": not JSON (" + e.getMessage() + "); name another file or repair it");
        }
    }
}
