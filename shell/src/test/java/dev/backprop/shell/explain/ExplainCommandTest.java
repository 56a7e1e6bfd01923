package dev.backprop.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** backprop explain when its output is not a terminal (as under the test runner): the lesson as plain text. */
class ExplainCommandTest {
    static final List<String> LESSON = List.of("a = [0.647, 0.678]", "ŷ = 0.762", "L = 0.028", "δ_o = −0.043",
            "∂L/∂W₂ = [−0.028, −0.029]", "δ_h = [−0.004, −0.004]", "∂L/∂W₁ = [−0.002, −0.004, −0.002, −0.004]",
            "ŷ ≈ 0.766", "L ≈ 0.027");

    static String run(String... args) {
        PrintStream saved = System.out;
        var buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new ExplainCommand()).execute(args);
            assertEquals(0, code);
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void notATerminalSoPlainTextWithEveryNumberOfTheLesson() {
        String text = run();
        for (String n : LESSON) {
            assertTrue(text.contains(n), () -> "missing " + n + " in:\n" + text);
        }
        assertFalse(text.contains("\u001b"));
        assertEquals(10, text.lines().count(), "the title and one line per beat");
    }

    @Test
    void otherExamplesAndRates() {
        String text = run("--x", "1,0", "--y", "0", "--lr", "2", "--train-biases");
        assertTrue(text.contains("x = [1.000, 0.000], y = 0.000, η = 2"), text);
        assertFalse(text.contains("frozen"), "with --train-biases the biases move too");
    }

    /** What the command writes to stderr for {@code args}, after checking it exits with a usage error (2). */
    private static String usageError(String... args) {
        PrintStream saved = System.err;
        var err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, new CommandLine(new ExplainCommand()).execute(args), String.join(" ", args));
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadInputSaysWhatIsExpected() {
        String text = usageError("--x", "1");
        assertTrue(text.startsWith("backprop explain: --x takes the two inputs"), text);
        assertFalse(text.contains("\tat "), "no Java stack trace");
    }

    @Test
    void aBeatOfNoTimeIsAUsageError() {
        for (String beat : new String[] {"0", "-5"}) {
            String text = usageError("--auto", "--beat-ms", beat);
            assertTrue(text.contains("--beat-ms must be at least 1"), text);
        }
    }
}
