package dev.backprop.script;

/**
 * Text a script controls (error messages, error names, file names, stack frames) made safe to write
 * to a terminal: every control character but the line break and the tab becomes a visible
 * {@code \u001b}-style escape, so a script cannot erase, overwrite, recolour or reorder the lines
 * that report it. A script's own {@code print} output is its output and is never passed through here.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * {@code text} with C0 controls (except {@code \n} and {@code \t}), DEL, C1 controls and the
     * bidirectional embeddings, overrides and isolates written as {@code \}{@code uXXXX}; null stays null.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (isControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, k);
                }
                sb.append("\\u").append(String.format("%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Whether {@code c} would act on the terminal instead of showing: ESC, CR, BS, DEL, CSI, RLO… */
    static boolean isControl(char c) {
        return c < 0x20 && c != '\n' && c != '\t'
                || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069;
    }
}
