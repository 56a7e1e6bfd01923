package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./backprop explain: plain text with every number of the lesson when piped; an animation on a terminal. */
class ExplainEndToEndTest {
    static final Path LAUNCHER = ShellEndToEndTest.LAUNCHER;
    static final List<String> LESSON = List.of("a = [0.647, 0.678]", "ŷ = 0.762", "L = 0.028", "δ_o = −0.043",
            "∂L/∂W₂ = [−0.028, −0.029]", "δ_h = [−0.004, −0.004]", "∂L/∂W₁ = [−0.002, −0.004, −0.002, −0.004]",
            "η = 0.5", "ŷ ≈ 0.766", "L ≈ 0.027");
    static final Pattern BEAT = Pattern.compile("beat (\\d) of 9");
    /** Fresh sessions in the regression check: the lag showed in about 4 sessions of 10, at key 2 or 3. */
    static final int SESSIONS = 5;

    @Test
    void pipedToAFileItHoldsEveryNumberOfTheLessonAndNoEscapeCodes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("explain.txt");
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "explain").redirectOutput(file.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("BACKPROP_NO_BUILD", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (String number : LESSON) {
            assertTrue(text.contains(number), () -> "missing '" + number + "' in:\n" + text);
        }
        assertFalse(text.contains("\u001b"), "no escape codes in a file");
    }

    @Test
    void onATerminalItAnimatesBeatByBeat(@TempDir Path dir) throws Exception {
        try (Tmux t = Tmux.start(dir, Map.of("BACKPROP_NO_BUILD", "1", "TERM", "xterm-256color"),
                LAUNCHER.toString(), "explain")) {
            t.await("beat 1 of 9");
            assertTrue(t.visibleWithEscapes().contains("\u001b["), "coloured on a terminal");
            t.await("forward →");
            press(t, "Space", 2);
            press(t, "Space", 3);
            String back = press(t, "Space", 4);
            assertTrue(back.contains("← backward") && back.contains("δ −0.043"), back);
            press(t, "Left", 3);
            t.keys("q");
            t.awaitExit();
        }
    }

    /**
     * Regression check for the player running one key behind (a key acted on only when the next one
     * came): in fresh sessions, each key is sent once, the first as soon as beat 1 shows (the moment
     * the lag came from), and the next only after the screen shows what the key asked for. With the
     * lag back, a wait times out, since no later key pushes the pending one through.
     */
    @Test
    void everyKeyIsActedOnWithoutTheNextOne(@TempDir Path dir) throws Exception {
        for (int session = 0; session < SESSIONS; session++) {
            try (Tmux t = Tmux.start(dir, Map.of("BACKPROP_NO_BUILD", "1", "TERM", "xterm-256color"),
                    LAUNCHER.toString(), "explain")) {
                t.await("beat 1 of 9");
                press(t, "Space", 2);
                press(t, "n", 3);
                press(t, session % 2 == 0 ? "Left" : "h", 2);
                press(t, session % 2 == 0 ? "Right" : "l", 3);
                t.keys("q");
                t.awaitExit();
            }
        }
    }

    @Test
    void withNoColorOnATerminalItPrintsPlainText(@TempDir Path dir) throws Exception {
        try (Tmux t = Tmux.start(dir, Map.of("BACKPROP_NO_BUILD", "1", "NO_COLOR", "1", "TERM", "xterm-256color"),
                LAUNCHER.toString(), "explain")) {
            String s = t.await("L ≈ 0.027");
            assertTrue(s.contains("∂L/∂W₁ = [−0.002, −0.004, −0.002, −0.004]"), s);
            t.awaitExit();
            assertFalse(Tmux.occurrences(t.visibleWithEscapes(), "\u001b[38;5") > 0, "no colour with NO_COLOR");
        }
    }

    /** Sends key once and waits until the screen shows beat (and no other beat, as frames redraw in place). */
    private static String press(Tmux t, String key, int beat) throws Exception {
        t.keys(key);
        return t.await("beat " + beat + " of 9 after " + key + ", with no other key sent",
                s -> beats(s).equals(List.of(beat)));
    }

    /** The beat numbers the screen shows ("beat N of 9"). */
    static List<Integer> beats(String screen) {
        List<Integer> found = new ArrayList<>();
        Matcher m = BEAT.matcher(screen);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
