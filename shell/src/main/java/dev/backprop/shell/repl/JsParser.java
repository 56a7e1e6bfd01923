package dev.backprop.shell.repl;

import java.util.function.Predicate;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Decides when Enter runs the input: only when the JavaScript parser finds it complete, so an
 * open bracket, string, template literal or comment continues on the next line. Dot-commands
 * ({@code .help}) always run. For completion it hands out the member chain at the cursor.
 */
public final class JsParser implements Parser {
    private final Predicate<String> incomplete;

    /** incomplete: whether the JS parser wants more input (Sandbox.isIncomplete). */
    public JsParser(Predicate<String> incomplete) {
        this.incomplete = incomplete;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws EOFError {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !DotCommand.isCommand(line)
                && incomplete.test(line)) {
            throw new EOFError(-1, -1, "the input is not complete yet", "more input");
        }
        return JsLine.at(line, Math.min(cursor, line.length()));
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }
}
