package dev.backprop.shell.explain;

import java.io.IOException;
import org.jline.utils.NonBlockingReader;

/** What a key press asks of the player: space, → or l next; ←, h or backspace previous; q, Esc or Ctrl-C quit. */
public enum Key {
    NEXT, PREVIOUS, QUIT, NONE, TIMEOUT;

    /** Reads one key from the terminal, waiting up to timeoutMillis (0 = forever); arrow keys arrive as ESC [ C / ESC [ D. */
    public static Key read(NonBlockingReader in, long timeoutMillis) throws IOException {
        int c = timeoutMillis > 0 ? in.read(timeoutMillis) : in.read();
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
