package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class JsHighlighterTest {
    static AttributedStyle styleAt(AttributedString s, String text, int at) {
        assertEquals(text, s.toString(), "highlighting never changes the text");
        return s.styleAt(at);
    }

    @Test
    void keywordsStringsNumbersAndCommentsEachGetTheirStyle() {
        String line = "const s = 'while' + 2.5e-3; // let x";
        AttributedString h = JsHighlighter.highlight(line);
        assertEquals(JsHighlighter.KEYWORD, styleAt(h, line, 0), "const");
        assertEquals(AttributedStyle.DEFAULT, styleAt(h, line, 6), "s");
        assertEquals(JsHighlighter.STRING, styleAt(h, line, line.indexOf("while")), "a keyword inside a string is a string");
        assertEquals(JsHighlighter.NUMBER, styleAt(h, line, line.indexOf("2.5e-3") + 5));
        assertEquals(JsHighlighter.COMMENT, styleAt(h, line, line.indexOf("let")));
    }

    @Test
    void membersNamedLikeKeywordsAndDigitsInNamesAreNotHighlighted() {
        String line = "net.delete + W1";
        AttributedString h = JsHighlighter.highlight(line);
        assertEquals(AttributedStyle.DEFAULT, styleAt(h, line, 4));
        assertEquals(AttributedStyle.DEFAULT, styleAt(h, line, line.length() - 1));
    }

    @Test
    void templateLiteralsAndDotCommands() {
        assertEquals(JsHighlighter.STRING, JsHighlighter.highlight("`a ${b}`").styleAt(4));
        assertEquals(JsHighlighter.COMMAND, JsHighlighter.highlight(".save f.js").styleAt(1));
        assertEquals(AttributedStyle.DEFAULT, JsHighlighter.highlight(".save f.js").styleAt(7));
    }
}
