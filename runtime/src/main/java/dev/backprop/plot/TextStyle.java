package dev.backprop.plot;

/** How a chart is drawn as text: for a terminal (Unicode braille/blocks with ANSI colour) or plain ASCII without escape codes. */
public enum TextStyle {
    TERMINAL,
    PLAIN
}
