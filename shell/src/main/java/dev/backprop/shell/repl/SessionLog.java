package dev.backprop.shell.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The session's successful inputs, in order: what {@code .save} writes as a runnable script. */
public final class SessionLog {
    private final List<String> inputs = new ArrayList<>();

    public void add(String input) {
        inputs.add(input.strip());
    }

    /** Forgets the latest input (after {@code .undo}); false if there is none. */
    public boolean dropLast() {
        if (inputs.isEmpty()) {
            return false;
        }
        inputs.remove(inputs.size() - 1);
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
        return true;
    }

    public void clear() {
        inputs.clear();
    }

    public List<String> inputs() {
        return List.copyOf(inputs);
    }

    /** The inputs, each ending with a semicolon where a statement needs one, one per line. */
    public String script() {
        StringBuilder sb = new StringBuilder("// saved from the backprop shell\n");
        for (String in : inputs) {
            sb.append(in);
            if (!in.endsWith(";") && !in.endsWith("}")) {
                sb.append(';');
            }
            sb.append('\n');
        }
        return sb.toString();
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
