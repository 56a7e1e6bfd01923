package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./backprop explain: plain text with every number of the lesson when piped; an animation on a terminal. */
class ExplainEndToEndTest {
    static final Path LAUNCHER = ShellEndToEndTest.LAUNCHER;
    static final List<String> LESSON = List.of("a = [0.647, 0.678]", "ŷ = 0.762", "L = 0.028", "δ_o = −0.043",
            "∂L/∂W₂ = [−0.028, −0.029]", "δ_h = [−0.004, −0.004]", "∂L/∂W₁ = [−0.002, −0.004, −0.002, −0.004]",
            "η = 0.5", "ŷ ≈ 0.766", "L ≈ 0.027");

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
            press(t, "Space", s -> s.contains("beat 2 of 9"));
            press(t, "Space", s -> s.contains("beat 3 of 9"));
            String back = press(t, "Space", s -> s.contains("beat 4 of 9"));
            assertTrue(back.contains("← backward") && back.contains("δ −0.043"), back);
            press(t, "Left", s -> s.contains("beat 3 of 9") && !s.contains("beat 4 of 9"));
            t.repeatUntilExit("q");
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

    /**
     * Presses key once and waits for the screen to show the expected beat. Under load in tmux the
     * player sometimes receives a key only when the next byte arrives (one key behind; see the
     * shell issue's closing note), so when nothing changed within 3 s the test sends 'x', which the
     * player ignores, to push the pending key through. The key itself is never sent twice, so each
     * step still checks exactly one beat per key.
     */
    private static String press(Tmux t, String key, Predicate<String> shown) throws Exception {
        t.keys(key);
        for (int nudge = 0; nudge < 5; nudge++) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                String s = t.screen();
                if (shown.test(s)) {
                    return s;
                }
                Thread.sleep(50);
            }
            t.keys("x");
        }
        return t.await("the screen after " + key, shown);
    }
}
