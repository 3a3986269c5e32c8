package dev.wsbench.versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maven's order of versions, for the versions the registry's libraries publish: a version is split
 * into numbers and words at dots, dashes and changes between digits and letters; numbers compare
 * as numbers, words by their rank ({@code alpha < beta < milestone < rc = cr < snapshot < release
 * (final, ga, none) < sp}, other words after a release, alphabetically), and a missing part counts
 * as a release ({@code 12.1.0 = 12.1.0.Final > 12.1.0.beta3}). The same rules as Maven's
 * {@code ComparableVersion} for these cases, without depending on Maven's jars.
 */
final class VersionOrder implements Comparator<String> {
    static final VersionOrder INSTANCE = new VersionOrder();

    private static final int RELEASE = 6;
    private static final Map<String, Integer> RANK = Map.ofEntries(Map.entry("alpha", 1), Map.entry("a", 1), Map.entry("beta", 2),
            Map.entry("b", 2), Map.entry("milestone", 3), Map.entry("m", 3), Map.entry("rc", 4), Map.entry("cr", 4), Map.entry("snapshot", 5),
            Map.entry("", RELEASE), Map.entry("final", RELEASE), Map.entry("ga", RELEASE), Map.entry("release", RELEASE), Map.entry("sp", 7));

    private VersionOrder() {
    }

    @Override
    public int compare(String x, String y) {
        List<Object> a = parts(x);
        List<Object> b = parts(y);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            Object p = i < a.size() ? a.get(i) : null;
            Object q = i < b.size() ? b.get(i) : null;
            int c = comparePart(p, q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A pre-release: a word ranked below a release (alpha, beta, milestone, rc, cr, snapshot, and {@code M1}-style milestones). */
    static boolean isPreRelease(String version) {
        for (Object p : parts(version)) {
            if (p instanceof String word && rank(word) < RELEASE) {
                return true;
            }
        }
        return false;
    }

    private static int comparePart(Object p, Object q) {
        if (p == null && q == null) {
            return 0;
        }
        if (p == null) {
            return -comparePart(q, null);
        }
        if (p instanceof Long n) {
            if (q == null) {
                return n == 0 ? 0 : 1; // 1.0 = 1, 1.0.1 > 1.0
            }
            return q instanceof Long m ? Long.compare(n, m) : 1; // a number is newer than a word: 1.0.1 > 1.0-beta
        }
        String w = (String) p;
        if (q == null) {
            return Integer.compare(rank(w), RELEASE);
        }
        if (q instanceof Long) {
            return -1;
        }
        String v = (String) q;
        int c = Integer.compare(rank(w), rank(v));
        return c != 0 || RANK.containsKey(w) ? c : w.compareTo(v);
    }

    /** Unknown words rank after a release, with sp, and compare alphabetically among themselves. */
    private static int rank(String word) {
        return RANK.getOrDefault(word, RELEASE + 1);
    }

    /** Numbers and lower-case words, in order; dots and dashes only separate. */
    static List<Object> parts(String version) {
        List<Object> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        Boolean digits = null;
        for (char c : version.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean separator = c == '.' || c == '-' || c == '_';
            boolean digit = Character.isDigit(c);
            if (separator || (digits != null && digit != digits)) {
                add(out, token, digits);
                digits = null;
            }
            if (!separator) {
                token.append(c);
                digits = digit;
            }
        }
        add(out, token, digits);
        return out;
    }

    private static void add(List<Object> out, StringBuilder token, Boolean digits) {
        if (token.length() == 0) {
            return;
        }
        String t = token.toString();
        out.add(Boolean.TRUE.equals(digits) ? (Object) Long.parseLong(t.length() > 18 ? t.substring(0, 18) : t) : t);
        token.setLength(0);
    }
}
