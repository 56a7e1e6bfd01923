package dev.backprop.shell.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean run?": the known names within a small edit distance of what was typed, closest first. */
final class Suggestions {
    private Suggestions() {
    }

    /** Names at most max(1, length / 3) edits away from typed (case ignored), closest first. */
    static List<String> near(String typed, Collection<String> names) {
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        int allowed = Math.max(1, t.replaceFirst("^-+", "").length() / 3);
        return names.stream()
                .filter(n -> distance(t, n.toLowerCase(java.util.Locale.ROOT)) <= allowed
                        || n.startsWith(typed) && typed.replaceFirst("^-+", "").length() >= 2)
                .sorted(Comparator.comparingInt((String n) -> distance(t, n)).thenComparing(n -> n))
                .distinct()
                .toList();
    }

    /** Damerau–Levenshtein distance (adjacent swaps count one edit, as in "rnu" for "run"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
