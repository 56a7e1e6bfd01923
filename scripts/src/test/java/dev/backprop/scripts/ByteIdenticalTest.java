package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every script in scripts/ runs twice, as its header's Run: line says, through the real launcher
 * with its output redirected to files: both runs exit 0 and their stdout and stderr are
 * byte-identical. Redirected output is no terminal, so neither run may draw fit's progress bar
 * (a carriage return) or colour (an escape code). The catalogue names every script.
 */
class ByteIdenticalTest {
    /** Generous: fashion-mnist.js trains 3 epochs over 60,000 images. */
    private static final int TIMEOUT_SECONDS = 900;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyScriptTwiceGivesTheSameBytes() throws IOException {
        List<Path> scripts = ScriptRun.all();
        assertFalse(scripts.isEmpty(), "no scripts in " + ScriptRun.SCRIPTS);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            ScriptRun run = ScriptRun.of(script);
            String name = script.getFileName().toString();
            ScriptRun.Output first = run.run(Files.createDirectories(dir.resolve(name + "-1")), TIMEOUT_SECONDS);
            assertEquals(0, first.exit(), name + ", first run:\n" + first);
            ScriptRun.Output second = run.run(Files.createDirectories(dir.resolve(name + "-2")), TIMEOUT_SECONDS);
            assertEquals(0, second.exit(), name + ", second run:\n" + second);
            assertTrue(first.out().length > 0, name + " printed nothing");
            assertEquals(first.outText(), second.outText(), name + ": the two runs printed different stdout");
            assertEquals(first.errText(), second.errText(), name + ": the two runs printed different stderr");
            assertTrue(java.util.Arrays.equals(first.out(), second.out()), name + ": stdout differs in its bytes");
            assertTrue(java.util.Arrays.equals(first.err(), second.err()), name + ": stderr differs in its bytes");
            for (ScriptRun.Output o : List.of(first, second)) {
                String all = o.outText() + o.errText();
                assertFalse(all.contains("\r"), name + ": a carriage return (a progress bar?) in redirected output:\n" + o);
                assertFalse(all.contains("\u001b"), name + ": an escape code (colour?) in redirected output:\n" + o);
                assertFalse(all.contains("WARNING"), name + ": a warning in the output:\n" + o);
            }
        }));
    }

    @Test
    void theCatalogueNamesEveryScript() throws IOException {
        String readme = Files.readString(ScriptRun.SCRIPTS.resolve("README.md"), StandardCharsets.UTF_8);
        for (Path script : ScriptRun.all()) {
            String name = script.getFileName().toString();
            assertTrue(readme.contains("`" + name + "`"), "scripts/README.md should catalogue " + name);
            ScriptRun.of(script); // and its header says how to run it
        }
    }
}
