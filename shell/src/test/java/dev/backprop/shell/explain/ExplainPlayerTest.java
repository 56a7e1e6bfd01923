package dev.backprop.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.explain.Walkthrough;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The player over an in-memory terminal: which frames it draws for which keys (no timing involved). */
class ExplainPlayerTest {
    static final Walkthrough LESSON = Walkthrough.of(Network.toy(false), Matrix.of(1, 2, 0.5, 0.9), Matrix.of(1, 1, 1.0), 0.5);

    static List<Integer> play(String keys, boolean auto) throws Exception {
        return play(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), auto);
    }

    static List<Integer> play(InputStream keys, boolean auto) throws Exception {
        var out = new ByteArrayOutputStream();
        try (Terminal t = new ExternalTerminal("test", "xterm-256color", keys, out, StandardCharsets.UTF_8)) {
            t.setSize(new Size(100, 40));
            int last = new ExplainPlayer(t).play(Frames.of(LESSON, true, 99), auto, 1);
            String text = out.toString(StandardCharsets.UTF_8);
            List<Integer> shown = new ArrayList<>();
            Matcher m = Pattern.compile("beat (\\d+) of 9").matcher(Ansi.strip(text));
            while (m.find()) {
                shown.add(Integer.parseInt(m.group(1)));
            }
            assertEquals(shown.get(shown.size() - 1), last + 1, "returns the last frame shown");
            return shown;
        }
    }

    @Test
    void spaceAndArrowsStepForwardAndBackAndQQuits() throws Exception {
        assertEquals(List.of(1, 2, 3, 2, 3, 4), play("  \u001b[D\u001b[C q", false));
    }

    @Test
    void theEndOfInputQuits() throws Exception {
        assertEquals(List.of(1, 2), play(" ", false));
    }

    @Test
    void leftOnTheFirstBeatStaysAndNextOnTheLastEnds() throws Exception {
        assertEquals(List.of(1, 1, 2, 3, 4, 5, 6, 7, 8, 9), play("h" + " ".repeat(9), false));
    }

    @Test
    void autoPlaysEveryBeatByItself() throws Exception {
        try (var silent = new PipedOutputStream(); var keys = new PipedInputStream(silent)) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), play(keys, true));
        }
    }
}
