package dev.backprop.shell.explain;

import java.util.regex.Pattern;

/** The few ANSI styles the shell uses, each applied only when colour is on. */
public enum Ansi {
    AMBER("\u001b[1;38;5;214m"),
    ORANGE("\u001b[1;38;5;202m"),
    RED("\u001b[31m"),
    DIM("\u001b[2m"),
    BOLD("\u001b[1m"),
    CYAN("\u001b[36m"),
    GREEN("\u001b[32m"),
    MAGENTA("\u001b[35m"),
    YELLOW("\u001b[33m");

    static final String RESET = "\u001b[0m";
    private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007\u001b]*(\u0007|\u001b\\\\)|[=>()][0-9A-Za-z]?)");

    private final String code;

    Ansi(String code) {
        this.code = code;
    }

    /** text wrapped in this style, or text unchanged when colour is off. */
    public String paint(String text, boolean color) {
        return color && !text.isBlank() ? code + text + RESET : text;
    }

    /** text without any escape sequences. */
    public static String strip(String text) {
        return ESCAPES.matcher(text).replaceAll("");
    }

    /** Whether text holds an escape character at all. */
    public static boolean hasEscapes(String text) {
        return text.indexOf('\u001b') >= 0;
    }
}
