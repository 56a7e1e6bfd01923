package dev.backprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.data.Csv;
import dev.backprop.data.CsvOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files reached without following links, only regular ones, and atomic saves that clean up after killed ones. */
class FolderTest {
    @TempDir
    Path dir;

    @Test
    void aLinkOnTheWayIsRefusedNotFollowed() throws Exception {
        Path inside = Files.createDirectories(dir.resolve("root/in"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(inside.resolve("a.txt"), "inside");
        Files.writeString(outside.resolve("a.txt"), "outside");
        Files.createSymbolicLink(dir.resolve("root/link"), outside);
        Files.createSymbolicLink(inside.resolve("b.txt"), outside.resolve("a.txt"));
        Path root = dir.resolve("root");
        assertThrows(LinkOnPathException.class, () -> Folder.beneath(root, Path.of("link")));
        try (Folder in = Folder.beneath(root, Path.of("in"))) {
            try (OpenedFile f = in.openRegularFile("a.txt")) {
                assertEquals("inside", new String(f.stream().readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(6, f.size());
            }
            assertThrows(LinkOnPathException.class, () -> in.openRegularFile("b.txt"));
            assertThrows(IllegalArgumentException.class, () -> in.openRegularFile("../outside/a.txt"));
        }
    }

    @Test
    void aFifoIsRefusedBeforeItIsOpened() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor(), "mkfifo");
        // would block in open(2) if it were opened: refused from its attributes first, by the Java API too
        NotRegularFileException e = assertThrows(NotRegularFileException.class,
                () -> Csv.read(fifo, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("named pipe") && e.getMessage().contains("not a regular file"),
                e.getMessage());
        try (Folder f = Folder.open(dir)) {
            assertThrows(NotRegularFileException.class, () -> f.openRegularFile("pipe.csv"));
        }
    }

    @Test
    void aSaveRemovesTheTemporaryFilesOfAProcessThatIsGoneButNotOthers() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid();
        Path orphan = Files.writeString(dir.resolve(".net.json." + deadPid + "-1a2b3c.tmp"), "half a docu");
        Path live = Files.writeString(dir.resolve(".net.json." + ProcessHandle.current().parent().orElseThrow().pid()
                + "-4d5e6f.tmp"), "a save in progress in another process");
        Path otherFile = Files.writeString(dir.resolve(".other.json." + deadPid + "-1a2b3c.tmp"), "not ours");
        AtomicFile.write(dir.resolve("net.json"), out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{}", Files.readString(dir.resolve("net.json")));
        assertFalse(Files.exists(orphan), "the temporary file of a process that is gone is removed");
        assertTrue(Files.exists(live), "a running process's temporary file is left alone");
        assertTrue(Files.exists(otherFile), "another target's temporary files are left for its own next save");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(".net.json", ".other.json", "net.json"), s.map(p -> p.getFileName().toString())
                    .map(n -> n.endsWith(".tmp") ? n.substring(0, n.indexOf(".json") + 5) : n).sorted().toList());
        }
    }
}
