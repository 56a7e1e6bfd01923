package dev.backprop.shell.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * A line seen by the completer: its word is the JavaScript member chain that ends at the cursor
 * ({@code net.layers[0].W} in {@code print(net.layers[0].W}), so completion replaces just that.
 */
record JsLine(String line, int cursor, int wordStart) implements CompletingParsedLine {

    /** The chain of identifiers, dots and bracketed indices ending at the cursor. */
    static JsLine at(String line, int cursor) {
        int i = cursor;
        while (i > 0) {
            char c = line.charAt(i - 1);
            if (Character.isJavaIdentifierPart(c) || c == '.') {
                i--;
            } else if (c == ']') {
                int open = line.lastIndexOf('[', i - 1);
                if (open < 0) {
                    break;
                }
                i = open;
            } else {
                break;
            }
        }
        return new JsLine(line, cursor, i);
    }

    @Override
    public String word() {
        return line.substring(wordStart, cursor);
    }

    @Override
    public int wordCursor() {
        return cursor - wordStart;
    }

    @Override
    public int wordIndex() {
        return 0;
    }

    @Override
    public List<String> words() {
        return List.of(word());
    }

    /** Candidates are JavaScript as typed: nothing to escape or quote. */
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
        return candidate;
    }

    @Override
    public int rawWordCursor() {
        return wordCursor();
    }

    @Override
    public int rawWordLength() {
        return cursor - wordStart;
    }
}
