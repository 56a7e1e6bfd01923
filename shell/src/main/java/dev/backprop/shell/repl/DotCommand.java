package dev.backprop.shell.repl;

import java.util.Optional;

/** The shell's commands, in node's style: a line that starts with a dot and a word. */
public enum DotCommand {
    HELP(".help", "", "show this help"),
    LOAD(".load", "FILE", "run a script file into this session"),
    SAVE(".save", "FILE", "write this session's successful inputs as a runnable script"),
    RESET(".reset", "", "start a fresh session (every variable and network is dropped)"),
    UNDO(".undo", "", "put the networks back as they were before the last input that changed one (JS variables stay)"),
    EXPLAIN(".explain", "[NET [LR]]", "walk through one step of backprop (the lesson's net, or NET on its last example)"),
    TRACE(".trace", "", "show the full trace of the last error (for bug reports)"),
    EXIT(".exit", "", "leave the shell (or press Ctrl-D)");

    private final String word;
    private final String args;
    private final String help;

    DotCommand(String word, String args, String help) {
        this.word = word;
        this.args = args;
        this.help = help;
    }

    public String word() {
        return word;
    }

    public String help() {
        return help;
    }

    /** {@code .load FILE   run a script file into this session}. */
    public String usage() {
        return String.format("%-22s %s", word + (args.isEmpty() ? "" : " " + args), help);
    }

    /** A line meant as a command: a dot then a letter ({@code .5 + 1} is JavaScript). */
    public static boolean isCommand(String line) {
        String s = line.strip();
        return s.length() > 1 && s.charAt(0) == '.' && Character.isLetter(s.charAt(1));
    }

    /** The command a line names and its argument text, or empty for an unknown command. */
    public static Optional<Invocation> parse(String line) {
        String s = line.strip();
        int space = s.indexOf(' ');
        String word = space < 0 ? s : s.substring(0, space);
        String arg = space < 0 ? "" : s.substring(space + 1).strip();
        for (DotCommand c : values()) {
            if (c.word.equals(word)) {
                return Optional.of(new Invocation(c, arg));
            }
        }
        return Optional.empty();
    }

    /** A command with the rest of its line. */
    public record Invocation(DotCommand command, String argument) {
    }
}
