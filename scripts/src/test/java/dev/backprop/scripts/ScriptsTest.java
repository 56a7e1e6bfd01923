package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What particular scripts print, through the real `backprop run`. (That every script runs and exits 0,
 * as its header's Run: line says and with byte-identical output twice, is {@link ByteIdenticalTest}.)
 */
class ScriptsTest {

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
