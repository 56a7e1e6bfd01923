package dev.backprop.shell.repl;

import dev.backprop.script.Sandbox;
import dev.backprop.shell.explain.Ansi;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The shell: wires the JS-aware parser, completer, highlighter, history, printer and dot-commands
 * around one sandbox session, and runs the read–evaluate–print loop. Ctrl-C during an evaluation
 * interrupts it; on a line it clears the line; on an empty line it says how to leave; Ctrl-D leaves.
 */
public final class Repl {
    static final String PROMPT = "> ";
    static final String CONTINUATION = "… ";
    static final String EXIT_HINT = "(To exit, press Ctrl-D or type .exit)";

    /** Where history goes, whether to colour, and the folder relative paths start from. */
    public record Options(Path historyFile, boolean color, Path workDir, String banner) {
    }

    private final Terminal terminal;
    private final Supplier<Sandbox> sandboxes;
    private final Options options;

    public Repl(Terminal terminal, Supplier<Sandbox> sandboxes, Options options) {
        this.terminal = terminal;
        this.sandboxes = sandboxes;
        this.options = options;
    }

    /** Runs until .exit or Ctrl-D; returns the exit code. */
    public int run() {
        var out = terminal.writer();
        try (ReplSession session = new ReplSession(sandboxes, new Printer(options.color()), out)) {
            LineReader reader = reader(session);
            DotCommands commands = new DotCommands(session, terminal, options.color(), options.workDir());
            terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
            if (options.banner() != null && !options.banner().isEmpty()) {
                out.println(options.banner());
                out.flush();
            }
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    if (e.getPartialLine().isBlank()) {
                        out.println(Ansi.DIM.paint(EXIT_HINT, options.color()));
                        out.flush();
                    }
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (DotCommand.isCommand(line)) {
                    if (commands.run(line) == DotCommands.Next.EXIT) {
                        return 0;
                    }
                } else {
                    try (TypeAhead held = TypeAhead.hold(terminal)) {
                        session.evaluate(line);
                    }
                }
            }
        } finally {
            terminal.writer().flush();
        }
    }

    private LineReader reader(ReplSession session) {
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("backprop")
                .parser(new JsParser(code -> session.sandbox().isIncomplete(code)))
                .completer(new JsCompleter(() -> session.sandbox().globals(),
                        expression -> session.sandbox().members(expression)))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                // 0, not JLine's 2: with an indentation set, typing ) ] or } deletes the spaces before it
                // (LineReaderImpl.insertClose → removeIndentation), so `[1 ]` became `[1]`
                .variable(LineReader.INDENTATION, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_BRACKET, false);
        if (options.color()) {
            b.highlighter(new JsHighlighter());
        }
        if (options.historyFile() != null) {
            b.variable(LineReader.HISTORY_FILE, options.historyFile());
        }
        LineReader r = b.build();
        // Ctrl-D leaves on an empty input, as the README says; inside one (a line or an open multi-line input) it
        // deletes the character under the cursor, never JLine's "do you wish to see all 118 possibilities?"
        r.getWidgets().put("backprop-leave-or-delete", () -> {
            r.callWidget(r.getBuffer().length() == 0 ? LineReader.DELETE_CHAR_OR_LIST : LineReader.DELETE_CHAR);
            return true;
        });
        r.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference("backprop-leave-or-delete"),
                org.jline.keymap.KeyMap.ctrl('D'));
        return r;
    }
}
