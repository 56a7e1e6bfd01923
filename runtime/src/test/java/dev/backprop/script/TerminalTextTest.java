package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Which characters a terminal would act on, and how they are shown instead. */
class TerminalTextTest {
    @Test
    void controlsBecomeVisibleEscapes() {
        assertEquals("\\u001b[2K\\u000dall good", TerminalText.escape("\u001b[2K\rall good"));
        assertEquals("a\\u0008b\\u0007c\\u0000d\\u007fe", TerminalText.escape("a\bb\u0007c\u0000d\u007fe"));
        assertEquals("\\u009b2J \\u0085 \\u009d", TerminalText.escape("\u009b2J \u0085 \u009d"), "C1: CSI, NEL, OSC");
        assertEquals("\\u202egnp.exe \\u2066x\\u2069", TerminalText.escape("\u202egnp.exe \u2066x\u2069"), "bidi overrides");
    }

    @Test
    void layoutAndTextStay() {
        String text = "ShapeError: forward expects 2 inputs\n\tat f (a.js:1:2) ŷ → σ′ 日本 \\u001b";
        assertSame(text, TerminalText.escape(text), "nothing to escape: the same string");
        assertNull(TerminalText.escape(null));
    }
}
