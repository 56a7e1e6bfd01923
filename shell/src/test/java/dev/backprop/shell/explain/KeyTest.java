package dev.backprop.shell.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jline.utils.NonBlockingReader;
import org.junit.jupiter.api.Test;

class KeyTest {
    /**
     * Hands out the given results in turn (READ_EXPIRED for "nothing yet") and records the timeout of every
     * read asked of it (0 = an untimed read).
     */
    static final class ScriptedReader extends NonBlockingReader {
        final Deque<Integer> results;
        final List<Long> timeouts = new ArrayList<>();

        ScriptedReader(int... results) {
            this.results = new ArrayDeque<>();
            for (int r : results) {
                this.results.add(r);
            }
        }

        @Override
        protected int read(long timeout, boolean isPeek) {
            timeouts.add(timeout);
            return results.isEmpty() ? EOF : results.removeFirst();
        }

        @Override
        public int readBuffered(char[] b, int off, int len, long timeout) {
            throw new AssertionError("Key reads one character at a time");
        }
    }

    @Test
    void withoutADeadlineItWaitsWithTimedReadsOnlyUntilAKeyComes() throws Exception {
        // An untimed read on a JLine system terminal reads the tty in the caller's thread while JLine's pump
        // thread may still be reading it too (after any timed read that expired): the one-key-behind bug.
        int expired = NonBlockingReader.READ_EXPIRED;
        ScriptedReader in = new ScriptedReader(expired, expired, expired, ' ');
        assertEquals(Key.NEXT, Key.read(in, 0));
        assertEquals(4, in.timeouts.size(), "asked again after each expired wait: " + in.timeouts);
        assertFalse(in.timeouts.contains(0L), "never an untimed read: " + in.timeouts);
        assertTrue(in.timeouts.stream().allMatch(t -> t == Key.WAIT_MILLIS), in.timeouts.toString());
    }

    @Test
    void escapeSequencesAndTheEndOfInputAreReadTheSameWay() throws Exception {
        int expired = NonBlockingReader.READ_EXPIRED;
        ScriptedReader left = new ScriptedReader(expired, 27, '[', 'D');
        assertEquals(Key.PREVIOUS, Key.read(left, 0));
        assertFalse(left.timeouts.contains(0L), left.timeouts.toString());
        ScriptedReader closed = new ScriptedReader(expired);
        assertEquals(Key.QUIT, Key.read(closed, 0), "the end of input quits");
        assertFalse(closed.timeouts.contains(0L), closed.timeouts.toString());
    }

    @Test
    void withADeadlineItReportsTheTimeout() throws Exception {
        ScriptedReader in = new ScriptedReader(NonBlockingReader.READ_EXPIRED);
        assertEquals(Key.TIMEOUT, Key.read(in, 1600));
        assertEquals(List.of(1600L), in.timeouts);
    }

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
