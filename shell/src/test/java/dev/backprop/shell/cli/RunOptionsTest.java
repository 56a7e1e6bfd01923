package dev.backprop.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `backprop run` makes of what people type: suggestions, header requests, sizes, defaults. */
class RunOptionsTest {
    @Test
    void suggestionsAreTheNearNamesClosestFirst() {
        List<String> commands = List.of("run", "explain", "shell");
        assertEquals(List.of("run"), Suggestions.near("rn", commands));
        assertEquals(List.of("run"), Suggestions.near("rnu", commands));
        assertEquals(List.of("explain"), Suggestions.near("explian", commands));
        assertEquals(List.of(), Suggestions.near("train", commands));
        assertEquals(List.of("--max-elements"), Suggestions.near("--max-element",
                List.of("--max-elements", "--max-memory", "--max-output", "--time-limit")));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void headerLinesAskForFoldersAndNothingElse() {
        Path dir = Path.of("/home/learner/scripts");
        ScriptHeader h = ScriptHeader.parse("""
                #!/usr/bin/env backprop
                // a comment
                // backprop: --allow-read=/usr/share/datasets/fashion-mnist --read-root ../data
                // backprop: --allow-write=out --max-elements=9
                print(1)
                // backprop: --allow-read=/etc
                """, dir);
        assertEquals(List.of(Path.of("/usr/share/datasets/fashion-mnist"), Path.of("/home/learner/data")), h.reads());
        assertEquals(List.of(Path.of("/home/learner/scripts/out")), h.writes());
        assertEquals(List.of("--max-elements=9"), h.unknown(), "limits are not a script's to set");
        assertTrue(ScriptHeader.parse("print(1)\n// backprop: --allow-read=/\n", dir).isEmpty());
    }

    @Test
    void zeroTimeAndNegativeCountsAreUsageErrors() {
        var time = new Sizes.DurationConverter();
        assertNull(time.convert("none"));
        assertEquals(Duration.ofMinutes(10), time.convert("10m"));
        assertThrows(CommandLine.TypeConversionException.class, () -> time.convert("0"));
        assertThrows(CommandLine.TypeConversionException.class, () -> time.convert("0.0001"));
        var count = new Sizes.CountConverter();
        assertEquals(0L, count.convert("none"));
        assertEquals(50_000_000L, count.convert("50_000_000"));
        assertThrows(CommandLine.TypeConversionException.class, () -> count.convert("-1"));
    }

    @Test
    void theElementLimitIsWhatFitsInAQuarterOfTheMemoryLimit() {
        // 4 GiB of memory limit: a quarter is 1 GiB, 134,217,728 doubles
        assertEquals(134_217_728L, RunDefaults.maxElements(4L << 30));
        assertEquals(dev.backprop.nn.Matrix.MAX_ELEMENTS, RunDefaults.maxElements(64L << 30), "capped at one matrix");
        assertTrue(RunDefaults.maxMemory() <= Runtime.getRuntime().maxMemory());
    }

    @Test
    void everySubcommandAnswersTheVersionItsHelpLists() {
        java.io.PrintStream saved = System.out;
        for (String sub : List.of("run", "explain", "shell")) {
            var out = new java.io.ByteArrayOutputStream();
            try {
                System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(0, Main.execute(sub, "-V"));
            } finally {
                System.setOut(saved);
            }
            String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.startsWith("backprop ") && text.contains("JavaScript runtime:"), sub + " -V printed: " + text);
        }
    }
}
