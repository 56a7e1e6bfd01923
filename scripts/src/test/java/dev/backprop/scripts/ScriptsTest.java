package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every .js and .mjs file in scripts/ (not its subfolders) runs through the real `backprop run` and exits 0. */
class ScriptsTest {

    @TestFactory
    Stream<DynamicTest> everyScriptRunsAndExitsZero() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Launcher.SCRIPTS)) {
            scripts = files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".mjs")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no scripts in " + Launcher.SCRIPTS);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            Launcher.Run r = Launcher.run(Launcher.SCRIPTS, "run", script.getFileName().toString());
            assertEquals(0, r.exit(), r.toString());
            assertFalse(r.err().contains("WARNING"), r.toString());
        }));
    }

    @Test
    void lessonPrintsTheLessonsNumbers() throws Exception {
        Launcher.Run r = Launcher.run(Launcher.ROOT, "run", "scripts/lesson.js");
        assertEquals(0, r.exit(), r.toString());
        for (String n : List.of("0.647, 0.678", "0.762", "0.028", "-0.043", "-0.028, -0.029", "-0.004, -0.004",
                "-0.002, -0.004, -0.002, -0.004", "0.766", "0.027")) {
            assertTrue(r.out().contains(n), "missing " + n + "\n" + r);
        }
        assertEquals("", r.err());
    }
}
