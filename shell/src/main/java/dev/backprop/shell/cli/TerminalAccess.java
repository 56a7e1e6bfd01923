package dev.backprop.shell.cli;

import dev.backprop.script.Access;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code backprop run}'s answer to a read or write outside the roots, as deno's: on a terminal it asks
 * for the folder, once ({@code y}: this folder, {@code n}: no, {@code a}: every read this run); not on a
 * terminal, or with --no-prompt, it refuses and the error names the flag to add. A granted folder is
 * compared by real path, so a link inside it does not reach beyond it.
 */
final class TerminalAccess implements Access {
    private final Prompter prompter;
    private final String script;
    private final List<Path> reads = new ArrayList<>();
    private final List<Path> writes = new ArrayList<>();
    private final List<Path> refused = new ArrayList<>();
    private boolean allReads;

    TerminalAccess(Prompter prompter, String script) {
        this.prompter = prompter;
        this.script = script;
    }

    /** Remembers a folder already refused (a header request answered n): not asked for again. */
    synchronized void refuse(Path folder) {
        refused.add(real(folder));
    }

    @Override
    public synchronized boolean grant(Kind kind, Path path) {
        Path real = real(path);
        if (kind == Kind.READ && allReads) {
            return true;
        }
        List<Path> granted = kind == Kind.READ ? reads : writes;
        if (granted.stream().anyMatch(real::startsWith)) {
            return true;
        }
        Path folder = Files.isDirectory(real) ? real : real.getParent();
        if (folder == null || refused.contains(folder) || !prompter.interactive()) {
            return false;
        }
        String verb = kind == Kind.READ ? "read" : "write";
        String flag = kind == Kind.READ ? "--allow-read" : "--allow-write";
        String answer = prompter.ask("backprop: " + script + " wants to " + verb + " " + path + ", outside the sandbox.\n"
                + "  Allow " + verb + "s in " + folder + "? [y]es / [n]o"
                + (kind == Kind.READ ? " / [a]ll reads this run" : "") + " (" + flag + "=" + folder
                + " grants it up front) ");
        switch (answer) {
            case "y", "yes" -> {
                granted.add(folder);
                return true;
            }
            case "a", "all" -> {
                if (kind == Kind.READ) {
                    allReads = true;
                    return true;
                }
                granted.add(folder);
                return true;
            }
            default -> {
                refused.add(folder);
                return false;
            }
        }
    }

    /** The real path of the longest existing prefix of path, the rest appended. */
    static Path real(Path path) {
        Path existing = path.toAbsolutePath().normalize();
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path.toAbsolutePath().normalize();
        }
        try {
            Path r = existing.toRealPath();
            return rest == null ? r : r.resolve(rest).normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
