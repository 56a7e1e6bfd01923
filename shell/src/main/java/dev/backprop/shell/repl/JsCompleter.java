package dev.backprop.shell.repl;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the live session: after a dot, the members of the value before it
 * ({@code net.} → forward, backward, step, …); otherwise the globals, JS keywords and, at the
 * start of a line, the dot-commands.
 */
public final class JsCompleter implements Completer {
    static final List<String> KEYWORDS = List.of("await", "break", "case", "catch", "class", "const", "continue",
            "default", "delete", "do", "else", "false", "finally", "for", "function", "if", "in", "instanceof", "let",
            "new", "null", "of", "return", "switch", "this", "throw", "true", "try", "typeof", "undefined", "var",
            "void", "while", "yield");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final Supplier<? extends Collection<String>> globals;
    private final Function<String, List<String>> members;

    /** globals: the session's global names; members: member names of the value of an expression ([] if none). */
    public JsCompleter(Supplier<? extends Collection<String>> globals, Function<String, List<String>> members) {
        this.globals = globals;
        this.members = members;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        if (line.line().startsWith(".") && line.line().indexOf(' ') < 0 && DotCommand.isCommand(line.line())) {
            for (DotCommand c : DotCommand.values()) {
                candidates.add(new Candidate(c.word(), c.word(), "commands", c.help(), null, null, true));
            }
            return;
        }
        int dot = word.lastIndexOf('.');
        if (dot < 0) {
            TreeSet<String> names = new TreeSet<>(globals.get());
            names.addAll(KEYWORDS);
            for (String name : names) {
                if (name.startsWith(word)) {
                    candidates.add(new Candidate(name, name, null, null, null, null, true));
                }
            }
            return;
        }
        String expression = word.substring(0, dot);
        if (expression.isEmpty()) {
            return;
        }
        for (String member : members.apply(expression)) {
            if (IDENTIFIER.matcher(member).matches()) {
                candidates.add(new Candidate(expression + "." + member, member, null, null, null, null, true));
            }
        }
    }
}
