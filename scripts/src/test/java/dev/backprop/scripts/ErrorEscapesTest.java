package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real launcher: control characters a script puts in its error (message, name, file
 * name, stack frames, source) reach the terminal escaped, so it cannot erase or spoof the error line;
 * its own print output stays its own.
 */
class ErrorEscapesTest {
    @TempDir
    Path dir;

    private static void noRawControls(Launcher.Run r) {
        for (char c : r.err().toCharArray()) {
            assertFalse(c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u202e',
                    "a raw control character U+" + Integer.toHexString(c) + " on stderr:\n" + r);
        }
    }

    @Test
    void aMessageCannotEraseTheErrorLine() throws Exception {
        Files.writeString(dir.resolve("spoof.js"), """
                print('\\u001b[32mgreen: the script\\'s own output\\u001b[0m');
                function inner() { throw new Error('\\u001b[2K\\rall good\\u009b2J\\u202e'); }
                inner();
                """);
        Launcher.Run r = Launcher.run(dir, "run", "spoof.js");
        assertEquals(1, r.exit(), r.toString());
        noRawControls(r);
        assertTrue(r.err().startsWith("spoof.js:2:26: Error: \\u001b[2K\\u000dall good\\u009b2J\\u202e\n"), r.toString());
        assertTrue(r.out().contains("\u001b[32mgreen: the script's own output\u001b[0m"), "print is not escaped: " + r);
    }

    @Test
    void aNameCannotEitherAndNeitherCanFrames() throws Exception {
        Files.writeString(dir.resolve("name.js"), """
                const o = { ['\\u001b[1A\\u001b[2Kframe']() {
                  const e = new Error('boom');
                  e.name = '\\u001b[1A\\u001b[2KOK\\r';
                  throw e;
                } };
                o['\\u001b[1A\\u001b[2Kframe']();
                """);
        Launcher.Run r = Launcher.run(dir, "run", "name.js");
        assertEquals(1, r.exit(), r.toString());
        noRawControls(r);
        assertTrue(r.err().contains("\\u001b[1A\\u001b[2KOK\\u000d: boom"), r.toString());
    }

    @Test
    void aFileNameCannotEither() throws Exception {
        String name = "e\u001b[2Kvil.js";
        Files.writeString(dir.resolve(name), "\nnn.toy().forward([1, 2, 3]);\n");
        Launcher.Run r = Launcher.run(dir, "run", name);
        assertEquals(1, r.exit(), r.toString());
        noRawControls(r);
        assertTrue(r.err().startsWith("e\\u001b[2Kvil.js:2:1: ShapeError: forward expects 2 inputs"), r.toString());
    }

    @Test
    void rawControlsInTheSourceOfASyntaxErrorCannotEither() throws Exception {
        Files.writeString(dir.resolve("syntax.js"), "let x = (1 + \u001b[2K\r;\n");
        Launcher.Run r = Launcher.run(dir, "run", "syntax.js");
        assertEquals(1, r.exit(), r.toString());
        noRawControls(r);
        assertTrue(r.err().startsWith("syntax.js:1:"), r.toString());
    }
}
