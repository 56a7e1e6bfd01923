package dev.backprop.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
    @Test
    void homeByDefaultTheVariableWhenSetAndNoneWhenEmpty() {
        assertEquals(Path.of("/home/ada/.backprop_history"), HistoryFile.resolve(Map.of(), "/home/ada"));
        assertEquals(Path.of("/tmp/h"), HistoryFile.resolve(Map.of("BACKPROP_HISTORY", "/tmp/h"), "/home/ada"));
        assertNull(HistoryFile.resolve(Map.of("BACKPROP_HISTORY", ""), "/home/ada"));
    }

    @Test
    void homeFromTheEnvironmentBeforeJavasUserHome() {
        assertEquals(Path.of("/tmp/grace/.backprop_history"),
                HistoryFile.resolve(Map.of("HOME", "/tmp/grace"), "/home/ada"));
        assertEquals(Path.of("/home/ada/.backprop_history"), HistoryFile.resolve(Map.of("HOME", ""), "/home/ada"));
        assertEquals(Path.of("/tmp/h"),
                HistoryFile.resolve(Map.of("HOME", "/tmp/grace", "BACKPROP_HISTORY", "/tmp/h"), "/home/ada"));
    }
}
