package dev.backprop.shell.cli;

import dev.backprop.script.Limits;
import dev.backprop.script.Sandbox;
import dev.backprop.script.SandboxBuilder;
import dev.backprop.script.ScriptError;
import dev.backprop.script.TerminalText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backprop run FILE [options] [-- args…]}: runs one script in a sandbox that reads from the
 * script's folder (plus any --read-root) and writes to the current folder (or --write-root). On a
 * terminal it asks before a read or write beyond them (deno's model); the limits fit one's own training
 * ({@link RunDefaults}).
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        abbreviateSynopsis = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {"Runs a .js script (or a .mjs ES module) in the sandbox.",
                "It reads its own folder and writes the current one; on a terminal it asks before going further."},
        footer = {"Limits: none by default for time; memory ¾ of the JVM heap (now ${sys:backprop.run.maxMemory}; BACKPROP_JAVA_OPTS=-Xmx8g"
                + " raises it); elements: what fits in a quarter of that. See docs/sandbox.md."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the script (.js or .mjs)")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "strings the script sees as args (after --)")
    List<String> args = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "TIME", converter = Sizes.DurationConverter.class,
            description = "wall time: 30s, 10m, 1h, or none (default: none; Ctrl-C stops)")
    Duration timeLimit;

    @Option(names = {"--read-root", "--allow-read"}, paramLabel = "DIR",
            description = "a further folder the script may read (repeatable)")
    List<Path> readRoots = new ArrayList<>();

    @Option(names = {"--write-root", "--allow-write"}, paramLabel = "DIR",
            description = "the folder the script writes into (default: the current folder)")
    Path writeRoot;

    @Option(names = "--no-prompt", description = "never ask on the terminal: refuse, as when not on one")
    boolean noPrompt;

    @Option(names = "--max-elements", paramLabel = "N", converter = Sizes.CountConverter.class,
            description = "largest matrix or network, or none (default: ${sys:backprop.run.maxElements})")
    Long maxElements;

    @Option(names = "--max-memory", paramLabel = "BYTES", converter = Sizes.BytesConverter.class,
            description = "heap the script may keep: 512M, 4G, or none (default: ${sys:backprop.run.maxMemory})")
    Long maxMemory;

    @Option(names = "--max-output", paramLabel = "BYTES", defaultValue = "16M", converter = Sizes.BytesConverter.class,
            description = "bytes it may print, or none (default: ${DEFAULT-VALUE})")
    long maxOutput;

    @Option(names = "--max-statements", paramLabel = "N", defaultValue = "0", converter = Sizes.CountConverter.class,
            description = "JS statements it may run, or none (default: none)")
    long maxStatements;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The help text's defaults for this JVM, read by the annotations as ${sys:backprop.run.…}. */
    static void describeDefaults() {
        long memory = RunDefaults.maxMemory();
        System.setProperty("backprop.run.maxMemory", approx(memory));
        System.setProperty("backprop.run.maxElements", String.format(java.util.Locale.ROOT, "%,d",
                RunDefaults.maxElements(memory)));
    }

    /** "4.4G": a heap size as people read it. */
    static String approx(long bytes) {
        return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1fG", bytes / (double) (1L << 30))
                : (bytes >> 20) + "M";
    }

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!Files.isRegularFile(file)) {
            err.println("backprop run: " + file + (Files.isDirectory(file) ? " is a folder, not a script"
                    : ": no such file") + " (usage: backprop run FILE [options] [-- args…])");
            return Main.USAGE;
        }
        if (!Files.isReadable(file)) {
            err.println("backprop run: cannot read " + file);
            return Main.USAGE;
        }
        for (Path r : readRoots) {
            if (!Files.isDirectory(r)) {
                err.println("backprop run: --read-root " + r + " is not a folder");
                return Main.USAGE;
            }
        }
        Path write = writeRoot != null ? writeRoot : Path.of("");
        if (!Files.isDirectory(write)) {
            err.println("backprop run: --write-root " + write + " is not a folder");
            return Main.USAGE;
        }
        Path script = file.toAbsolutePath().normalize();
        Prompter prompter = noPrompt ? new Prompter() {
            @Override
            synchronized boolean interactive() {
                return false;
            }
        } : new Prompter();
        List<Path> reads = new ArrayList<>(readRoots);
        TerminalAccess access = new TerminalAccess(prompter, String.valueOf(file.getFileName()));
        Path granted = askForHeader(script, reads, write, prompter, access, err);
        if (granted != null) {
            write = granted;
        }
        long memory = maxMemory != null ? maxMemory : RunDefaults.maxMemory();
        SandboxBuilder b = Sandbox.builder()
                .timeLimit(timeLimit)
                .maxElements(maxElements != null ? maxElements : RunDefaults.maxElements(memory))
                .maxOutputBytes(maxOutput)
                .maxAllocatedBytes(memory)
                .maxStatements(maxStatements)
                .readRoot(script.getParent())
                .writeRoot(write)
                .access(access)
                .out(System.out)
                .err(System.err)
                .args(args)
                .terminal(Terminal.isTerminal());
        reads.forEach(b::readRoot);
        try (Sandbox sandbox = b.build()) {
            Interrupts.onCtrlC(() -> {
                prompter.cancel();
                sandbox.interrupt();
            });
            try {
                sandbox.run(file);
                return 0;
            } catch (ScriptError e) {
                System.out.flush();
                report(err, e, script);
                return switch (e.kind()) {
                    case ERROR, SYNTAX -> Main.SCRIPT_ERROR;
                    case LIMIT -> Main.LIMIT;
                    case INTERRUPTED -> Main.INTERRUPTED;
                };
            } finally {
                System.out.flush();
            }
        }
    }

    /**
     * Shows what the script's header asks for beyond the flags and, on a terminal, asks for each folder;
     * a granted read joins reads. Returns a granted write folder, or null. Never grants on its own.
     */
    private static Path askForHeader(Path script, List<Path> reads, Path write, Prompter prompter,
                                     TerminalAccess access, PrintStream err) {
        ScriptHeader header;
        try {
            header = ScriptHeader.parse(Files.readString(script, StandardCharsets.UTF_8), script.getParent());
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // reading it again to run it will say what is wrong
        }
        String name = String.valueOf(script.getFileName());
        if (!header.unknown().isEmpty()) {
            err.println("backprop run: " + name + "'s header line `// backprop: …` has words this version does not"
                    + " act on: " + String.join(" ", header.unknown()) + " (only --allow-read=DIR and --allow-write=DIR)");
        }
        for (Path dir : header.reads()) {
            Path real = TerminalAccess.real(dir);
            if (real.startsWith(TerminalAccess.real(script.getParent()))
                    || reads.stream().anyMatch(r -> real.startsWith(TerminalAccess.real(r)))) {
                continue;
            }
            if (!Files.isDirectory(dir)) {
                err.println("backprop run: " + name + " asks to read " + dir + ", which is not a folder here; not granted");
            } else if (yes(prompter, name + " asks (in its header) to read " + dir + ". Allow? [y]es / [n]o ")) {
                reads.add(dir);
            } else {
                notGranted(prompter, access, err, name + " asks to read " + dir, "--allow-read=" + dir, dir);
            }
        }
        Path granted = null;
        for (Path dir : header.writes()) {
            if (TerminalAccess.real(dir).equals(TerminalAccess.real(write))) {
                continue;
            }
            if (Files.isDirectory(dir) && granted == null
                    && yes(prompter, name + " asks (in its header) to write into " + dir + " instead of " + write
                    .toAbsolutePath() + ". Allow? [y]es / [n]o ")) {
                granted = dir;
            } else {
                notGranted(prompter, access, err, name + " asks to write into " + dir, "--allow-write=" + dir, dir);
            }
        }
        return granted;
    }

    /** A header's request not granted: refused for the run when it was asked, and said with the flag that grants it. */
    private static void notGranted(Prompter prompter, TerminalAccess access, PrintStream err, String request,
                                   String flag, Path dir) {
        if (prompter.interactive()) {
            access.refuse(dir);
        }
        err.println("backprop run: " + request + "; not granted"
                + (prompter.interactive() ? "" : " (not asked: not on a terminal)") + "; grant it with " + flag);
    }

    private static boolean yes(Prompter prompter, String question) {
        String a = prompter.ask("backprop: " + question);
        return a.equals("y") || a.equals("yes");
    }

    /**
     * "file:line:col: Name: message"; for a syntax error the line with a caret under the column, as the
     * shell shows it; for other errors the script's own stack (not for limits or Ctrl-C).
     */
    static void report(PrintStream err, ScriptError e, Path script) {
        String where = e.location();
        // control characters the script put in its messages are shown escaped ({@link TerminalText})
        err.println(TerminalText.escape((where.isEmpty() ? "" : where + ": ") + e.getMessage()));
        if (e.kind() == ScriptError.Kind.SYNTAX && e.line() > 0) {
            String line = sourceLine(script, e.sourceName(), e.line());
            if (line != null) {
                String number = String.valueOf(e.line());
                err.println("  " + number + " | " + TerminalText.escape(line));
                if (e.column() > 0) {
                    err.println("  " + " ".repeat(number.length()) + " | " + caretIndent(line, e.column()) + "^");
                }
            }
        }
        if (e.kind() == ScriptError.Kind.ERROR) {
            String trace = e.fullTrace();
            int nl = trace.indexOf('\n');
            if (nl >= 0 && trace.indexOf('\n', nl + 1) >= 0) {
                err.println(TerminalText.escape(trace.substring(nl + 1)));
            }
        }
    }

    /** Spaces up to column (1-based), keeping the line's tabs so the caret lines up in a terminal. */
    static String caretIndent(String line, int column) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.length(); i++) {
            sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sb.toString();
    }

    /** Line n (1-based) of the source the error names: the script itself or a module beside it; null if unknown. */
    private static String sourceLine(Path script, String sourceName, int n) {
        Path source = script;
        if (sourceName != null && !sourceName.isEmpty() && !script.getFileName().toString().equals(sourceName)
                && !script.toString().equals(sourceName)) {
            Path candidate = script.getParent().resolve(sourceName);
            if (!Files.isRegularFile(candidate)) {
                return null;
            }
            source = candidate;
        }
        try (var lines = Files.lines(source, StandardCharsets.UTF_8)) {
            return lines.skip(n - 1L).findFirst().orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }
}
