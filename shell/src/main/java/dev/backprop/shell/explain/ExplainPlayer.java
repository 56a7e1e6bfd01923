package dev.backprop.shell.explain;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * Plays frames on a terminal: each frame redraws the previous one in place. Stepped by keys, or
 * with {@code auto} one beat every {@code beatMillis} (keys still work: q stops it).
 */
public final class ExplainPlayer {
    private final Terminal terminal;

    public ExplainPlayer(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Shows the frames from the first; returns the index of the last frame shown. */
    public int play(List<List<String>> frames, boolean auto, long beatMillis) throws IOException {
        PrintWriter out = terminal.writer();
        Attributes saved = terminal.enterRawMode();
        int shown = -1;
        int index = 0;
        try {
            out.print("\u001b[?25l");
            while (true) {
                draw(out, frames.get(index), shown < 0 ? 0 : frames.get(shown).size());
                shown = index;
                Key key = Key.read(terminal.reader(), auto ? beatMillis : 0);
                if (key == Key.TIMEOUT) {
                    key = Key.NEXT;
                }
                if (key == Key.QUIT || key == Key.NEXT && index == frames.size() - 1) {
                    return index;
                }
                if (key == Key.NEXT) {
                    index++;
                } else if (key == Key.PREVIOUS && index > 0) {
                    index--;
                }
            }
        } finally {
            out.print("\u001b[?25h");
            out.flush();
            terminal.setAttributes(saved);
        }
    }

    private static void draw(PrintWriter out, List<String> lines, int previousHeight) {
        if (previousHeight > 0) {
            out.print("\u001b[" + previousHeight + "A");
        }
        for (String line : lines) {
            out.print("\r" + line + "\u001b[K\n");
        }
        out.print("\u001b[J");
        out.flush();
    }
}
