package dev.backprop.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyTest {
    @Test
    void charactersMapToTheirMeaning() {
        assertEquals(Key.NEXT, Key.of(' '));
        assertEquals(Key.PREVIOUS, Key.of('h'));
        assertEquals(Key.QUIT, Key.of('q'));
        assertEquals(Key.QUIT, Key.of(3), "Ctrl-C");
        assertEquals(Key.NONE, Key.of('x'));
    }

    @Test
    void junctionsJoinTheArmsTheyAreGiven() {
        assertEquals('┼', Wires.junction(true, true, true, true));
        assertEquals('┬', Wires.junction(false, true, true, true));
        assertEquals('┘', Wires.junction(true, false, true, false));
        assertEquals('├', Wires.junction(true, true, false, true));
        assertEquals(' ', Wires.junction(false, false, false, false));
    }
}
