package dev.backprop.shell.repl;

import dev.backprop.explain.Walkthrough;
import dev.backprop.nn.BackpropException;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.script.TerminalText;
import dev.backprop.shell.explain.Ansi;
import dev.backprop.shell.explain.ExplainCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jline.terminal.Terminal;

/** Carries out the dot-commands on a session; each says in one line what it did or why it could not. */
record DotCommands(ReplSession session, Terminal terminal, boolean color, Path workDir) {
    /** What the loop does after a command. */
    enum Next { CONTINUE, EXIT }

    Next run(String line) {
        PrintWriter out = session.out();
        var parsed = DotCommand.parse(line);
        if (parsed.isEmpty()) {
            fail(out, "Unknown command " + line.strip().split(" ")[0] + "; type .help for the list");
            return Next.CONTINUE;
        }
        String arg = parsed.get().argument();
        switch (parsed.get().command()) {
            case HELP -> help(out);
            case LOAD -> load(out, arg);
            case SAVE -> save(out, arg);
            case RESET -> {
                session.reset();
                out.println("Fresh session: every variable and network is gone.");
            }
            case UNDO -> {
                String undone = session.undo();
                out.println(undone == null ? "Nothing to undo."
                        : "Networks restored to before: " + firstLine(undone));
            }
            case EXPLAIN -> explain(out, arg);
            case TRACE -> {
                String trace = session.lastTrace();
                out.println(trace == null ? "No error so far." : TerminalText.escape(trace));
            }
            case EXIT -> {
                return Next.EXIT;
            }
        }
        out.flush();
        return Next.CONTINUE;
    }

    private static void help(PrintWriter out) {
        out.println("Type JavaScript; nn, plot, print and assert are the same as in scripts. Commands:");
        for (DotCommand c : DotCommand.values()) {
            out.println("  " + c.usage());
        }
        out.println("Keys: Tab completes (net. lists its members) · Ctrl-R searches history · Ctrl-C stops a running"
                + " evaluation or clears the line · Ctrl-D exits.");
        out.println("Input continues on the next line while a bracket, string or template literal is open.");
    }

    private void load(PrintWriter out, String arg) {
        if (arg.isEmpty()) {
            fail(out, ".load needs a file: .load train.js");
            return;
        }
        Path file = workDir.resolve(arg);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            fail(out, "No file " + file + "; give a path relative to " + workDir);
            return;
        } catch (IOException e) {
            fail(out, "Cannot read " + file + ": " + e.getMessage());
            return;
        }
        session.load(file, text);
    }

    private void save(PrintWriter out, String arg) {
        if (arg.isEmpty()) {
            fail(out, ".save needs a file: .save session.js");
            return;
        }
        Path file = workDir.resolve(arg);
        if (java.nio.file.Files.isDirectory(file)) {
            fail(out, "Cannot write " + arg + ": it is a folder; give a file name, e.g. .save " + file.resolve("session.js"));
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            fail(out, "Cannot write " + arg + ": the folder " + folder + " does not exist; create it first, or save here:"
                    + " .save " + file.getFileName());
            return;
        }
        try {
            session.log().save(file);
            int n = session.log().inputs().size();
            out.println("Saved " + n + " input" + (n == 1 ? "" : "s") + " to " + arg + "; run it with ./backprop run " + arg);
        } catch (IOException e) {
            fail(out, "Cannot write " + arg + " (" + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : "the file system refused it") + "); nothing was written");
        }
    }

    private void explain(PrintWriter out, String arg) {
        String[] parts = arg.isEmpty() ? new String[0] : arg.split("\\s+");
        try {
            Walkthrough w;
            double lr = parts.length > 1 ? parseLr(parts[1]) : 0.5;
            if (parts.length == 0) {
                w = Walkthrough.of(Network.toy(false), Matrix.of(1, 2, 0.5, 0.9), Matrix.of(1, 1, 1.0), lr);
            } else {
                Network net = session.sandbox().getNetwork(parts[0]);
                if (net == null) {
                    fail(out, "No network named '" + parts[0] + "'; .explain takes a variable that"
                            + " holds a network, e.g. .explain net");
                    return;
                }
                Matrix x = net.lastInput();
                Matrix y = net.lastTargets();
                if (x == null || y == null) {
                    fail(out, ".explain " + parts[0] + " walks through the last example it trained on:"
                            + " run " + parts[0] + ".forward(x) and " + parts[0] + ".backward(y) first");
                    return;
                }
                w = Walkthrough.of(net, x.rows(0, 1), y.rows(0, 1), lr);
            }
            if (color) {
                out.flush();
                ExplainCommand.show(w, terminal, false, 0);
            } else {
                out.print(w);
            }
        } catch (BackpropException e) {
            fail(out, TerminalText.escape(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (IOException e) {
            fail(out, "The walkthrough could not use the terminal: " + e.getMessage());
        }
    }

    /** A command that could not be carried out says why in one red line. */
    private void fail(PrintWriter out, String why) {
        out.println(Ansi.RED.paint(why, color));
    }

    private static double parseLr(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new dev.backprop.nn.ValueError(".explain NET LR takes a number as the learning rate, e.g. .explain net 0.5;"
                    + " got '" + s + "'");
        }
    }

    private static String firstLine(String s) {
        String first = s.strip().lines().findFirst().orElse("");
        return s.strip().contains("\n") ? first + " …" : first;
    }
}
