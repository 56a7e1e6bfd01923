package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backprop run} on a real terminal (tmux), answered as a person would: a read outside the
 * roots is asked about on the terminal and goes on after y; a script's header request is shown and
 * asked for, and n leaves it refused. Every wait is for text that only that state shows.
 */
class RunOnATerminalTest {
    static final Path LAUNCHER = ShellEndToEndTest.LAUNCHER;

    @Test
    void aReadOutsideTheRootsAsksAndGoesOnAfterYes(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("xor.csv"), "a,b,y\n0,1,1\n1,1,0\n1,0,1\n");
        Files.writeString(data.resolve("more.csv"), "a,b,y\n0,0,0\n");
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("read.js"), "print('before the read');\n"
                + "print('rows: ' + nn.data.csv('" + data.resolve("xor.csv") + "', { target: 'y' }).size);\n"
                + "print('again: ' + nn.data.csv('" + data.resolve("more.csv") + "', { target: 'y' }).size);\n");
        try (Tmux t = Tmux.start(dir, Map.of("BACKPROP_NO_BUILD", "1", "TERM", "xterm-256color"),
                LAUNCHER.toString(), "run", "code/read.js")) {
            Path real = data.toRealPath();
            String asked = t.await("the question", s -> s.contains("Allow reads in " + real + "?"));
            assertTrue(asked.contains("read.js wants to read " + data.resolve("xor.csv")), asked);
            assertTrue(asked.contains("before the read"), "the script ran up to the read: " + asked);
            t.line("y");
            String done = t.await("the script's output after the answer", s -> s.contains("again: 1"));
            assertTrue(done.contains("rows: 3"), done);
            assertTrue(Tmux.occurrences(done, "Allow reads in") == 1, "the folder is asked for once: " + done);
            t.awaitExit();
        }
    }

    @Test
    void aHeaderRequestIsShownAndAskedForNeverGrantedSilently(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("xor.csv"), "a,b,y\n0,1,1\n");
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("head.js"), "// backprop: --allow-read=../data\n"
                + "try { nn.data.csv('" + data.resolve("xor.csv") + "', { target: 'y' }); print('read it'); }\n"
                + "catch (e) { print('refused: ' + e.name); }\n");
        try (Tmux t = Tmux.start(dir, Map.of("BACKPROP_NO_BUILD", "1", "TERM", "xterm-256color"),
                LAUNCHER.toString(), "run", "code/head.js")) {
            t.await("the header's request", s -> s.contains("head.js asks (in its header) to read " + data + ". Allow?"));
            t.line("n");
            String s = t.await("the script's answer", x -> x.contains("refused: SecurityError"));
            assertTrue(s.contains("not granted; grant it with --allow-read=" + data), s);
            assertTrue(!s.contains("read it"), s);
            t.awaitExit();
        }
    }
}
