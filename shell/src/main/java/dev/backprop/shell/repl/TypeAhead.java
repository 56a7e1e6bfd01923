package dev.backprop.shell.repl;

import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * Keys typed while the shell is busy (starting, or evaluating) stay in the terminal's input, unechoed,
 * for the next prompt to read and show: the terminal's echo and line editing are off meanwhile, as
 * during a prompt, while Ctrl-C still interrupts (ISIG stays on). Closing puts the settings back.
 */
final class TypeAhead implements AutoCloseable {
    private final Terminal terminal;
    private final Attributes saved;

    private TypeAhead(Terminal terminal, Attributes saved) {
        this.terminal = terminal;
        this.saved = saved;
    }

    /** Turns echo and canonical input off until {@link #close}; a no-op on a dumb terminal. */
    static TypeAhead hold(Terminal terminal) {
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            return new TypeAhead(terminal, null);
        }
        Attributes saved = terminal.getAttributes();
        Attributes quiet = new Attributes(saved);
        quiet.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO), false);
        terminal.setAttributes(quiet);
        return new TypeAhead(terminal, saved);
    }

    @Override
    public void close() {
        if (saved != null) {
            terminal.setAttributes(saved);
        }
    }
}
