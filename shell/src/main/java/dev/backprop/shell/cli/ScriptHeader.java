package dev.backprop.shell.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a script says it needs, in comment lines at its top such as
 * {@code // backprop: --allow-read=/usr/share/datasets/fashion-mnist}: folders to read and to write.
 * Only shown and asked for on a terminal; never granted by itself.
 *
 * @param reads   folders the script asks to read (--allow-read / --read-root)
 * @param writes  folders the script asks to write (--allow-write / --write-root)
 * @param unknown words of a header line this does not understand (reported, never acted on)
 */
record ScriptHeader(List<Path> reads, List<Path> writes, List<String> unknown) {
    private static final Pattern LINE = Pattern.compile("^\\s*//\\s*backprop:\\s*(.*)$");
    private static final Pattern FLAG = Pattern.compile("--(allow-read|read-root|allow-write|write-root)(?:=(.*))?");

    /** Reads the header lines of text: comment lines before the first line of code; relative folders from dir. */
    static ScriptHeader parse(String text, Path dir) {
        List<Path> reads = new ArrayList<>();
        List<Path> writes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String line : (Iterable<String>) text.lines()::iterator) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#!")) {
                continue;
            }
            if (!s.startsWith("//")) {
                break;
            }
            Matcher m = LINE.matcher(s);
            if (!m.matches()) {
                continue;
            }
            String[] words = m.group(1).strip().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                Matcher f = FLAG.matcher(words[i]);
                if (words[i].isEmpty()) {
                    continue;
                }
                if (!f.matches()) {
                    unknown.add(words[i]);
                    continue;
                }
                String value = f.group(2) != null ? f.group(2) : i + 1 < words.length ? words[++i] : null;
                if (value == null || value.isEmpty()) {
                    unknown.add(words[i]);
                    continue;
                }
                Path folder = dir.resolve(value).toAbsolutePath().normalize();
                (f.group(1).endsWith("read") || f.group(1).startsWith("read") ? reads : writes).add(folder);
            }
        }
        return new ScriptHeader(List.copyOf(reads), List.copyOf(writes), List.copyOf(unknown));
    }

    boolean isEmpty() {
        return reads.isEmpty() && writes.isEmpty() && unknown.isEmpty();
    }
}
