package dev.backprop.shell.explain;

import java.io.IOException;
import org.jline.utils.NonBlockingReader;

/** What a key press asks of the player: space, → or l next; ←, h or backspace previous; q, Esc or Ctrl-C quit. */
public enum Key {
    NEXT, PREVIOUS, QUIT, NONE, TIMEOUT;

    /** How long one wait for a key lasts before it is renewed when there is no deadline (as JLine's LineReader does). */
    static final long WAIT_MILLIS = 100;

    /** Reads one key from the terminal, waiting up to timeoutMillis (0 = forever); arrow keys arrive as ESC [ C / ESC [ D. */
    public static Key read(NonBlockingReader in, long timeoutMillis) throws IOException {
        int c = timeoutMillis > 0 ? in.read(timeoutMillis) : next(in);
        if (c == NonBlockingReader.READ_EXPIRED) {
            return TIMEOUT;
        }
        if (c == 27) {
            int next = in.read(50);
            if (next == '[' || next == 'O') {
                int code = in.read(50);
                return switch (code) {
                    case 'C' -> NEXT;
                    case 'D' -> PREVIOUS;
                    default -> NONE;
                };
            }
            return QUIT;
        }
        return of(c);
    }

    /**
     * The next character, however long it takes, read only with timed reads. JLine 4.5 (NonBlockingInputStreamImpl)
     * serves an untimed {@code read()} in the caller's thread straight from the tty, but a timed read through its
     * pump thread, which polls the tty and then reads. After a timed read that expired (JLine's own terminal probe
     * when the terminal is built, or the look-ahead after Esc) the pump goes on polling for up to 100 ms; a key
     * that comes then wakes both readers: ours takes it, the pump blocks in {@code read()}, takes the next key and
     * cannot hand it over until our untimed read returns with yet another one, so the player ran one key behind.
     * With timed reads only, the pump is the one thread that reads the tty.
     */
    static int next(NonBlockingReader in) throws IOException {
        int c = in.read(WAIT_MILLIS);
        while (c == NonBlockingReader.READ_EXPIRED) {
            c = in.read(WAIT_MILLIS);
        }
        return c;
    }

    /** The meaning of a single character (no escape sequence). */
    static Key of(int c) {
        return switch (c) {
            case ' ', 'l', 'n', '\r', '\n' -> NEXT;
            case 'h', 'p', 127, 8 -> PREVIOUS;
            case 'q', 'Q', 3, 4, -1 -> QUIT;
            default -> NONE;
        };
    }
}
