package dev.backprop.shell.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's successful inputs, in order: what {@code .save} writes as a script that runs with
 * {@code backprop run} and prints what the session showed. Each input ends with its own semicolon (on
 * a line of its own after a line comment), so automatic semicolon insertion never joins two inputs; a
 * bare expression whose value the shell displayed is saved as {@code print(expression)}. Failed inputs
 * are never added.
 */
public final class SessionLog {
    private final List<String> inputs = new ArrayList<>();
    /** Per input: whether it is a bare expression whose value the shell displayed (saved inside print). */
    private final List<Boolean> shown = new ArrayList<>();

    /** An input whose value, if any, the shell did not display. */
    public void add(String input) {
        add(input, false);
    }

    /** An input; {@code displayed}: it is one expression and the shell displayed its value. */
    public void add(String input, boolean displayed) {
        inputs.add(input.strip());
        shown.add(displayed);
    }

    /** Forgets the latest input (after {@code .undo}); false if there is none. */
    public boolean dropLast() {
        if (inputs.isEmpty()) {
            return false;
        }
        inputs.remove(inputs.size() - 1);
        shown.remove(shown.size() - 1);
        return true;
    }

    /** How many inputs the log holds. */
    public int size() {
        return inputs.size();
    }

    /** Forgets the input at {@code index} (the one {@code .undo} took back); false if there is none. */
    public boolean drop(int index) {
        if (index < 0 || index >= inputs.size()) {
            return false;
        }
        inputs.remove(index);
        shown.remove(index);
        return true;
    }

    public void clear() {
        inputs.clear();
        shown.clear();
    }

    public List<String> inputs() {
        return List.copyOf(inputs);
    }

    /** The inputs in order, each terminated; displayed expressions inside print(…). */
    public String script() {
        StringBuilder sb = new StringBuilder("// saved from the backprop shell (values it displayed are printed)\n");
        for (int i = 0; i < inputs.size(); i++) {
            String in = inputs.get(i);
            String code = shown.get(i) ? "print(" + in + (lastLineHasComment(in) ? "\n" : "") + ")" : in;
            sb.append(code);
            if (!code.endsWith(";")) {
                // after a // comment a semicolon on the same line would be part of the comment
                sb.append(lastLineHasComment(code) ? "\n;" : ";");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Whether the last line may end in a // comment (a "//" anywhere in it: a spare newline does no harm). */
    private static boolean lastLineHasComment(String code) {
        int nl = code.lastIndexOf('\n');
        return code.substring(nl + 1).contains("//");
    }

    /** Writes {@link #script()} to file, replacing it whole (written beside it, then moved). */
    public void save(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".backprop-save", ".tmp");
        try {
            Files.writeString(tmp, script(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
