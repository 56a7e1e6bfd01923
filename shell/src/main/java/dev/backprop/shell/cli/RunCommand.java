package dev.backprop.shell.cli;

import dev.backprop.script.Limits;
import dev.backprop.script.Sandbox;
import dev.backprop.script.SandboxBuilder;
import dev.backprop.script.ScriptError;
import dev.backprop.script.TerminalText;
import java.io.PrintStream;
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
 * script's folder (plus any --read-root) and writes to the current folder (or --write-root).
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs a .js script, or a .mjs file as an ES module, in the sandbox.",
                "The script may read files in its own folder (and any --read-root) and write in the current folder"
                        + " (or --write-root)."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the script (.js or .mjs)")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "strings the script sees as args (after --)")
    List<String> args = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "TIME", defaultValue = "30s",
            converter = Sizes.DurationConverter.class,
            description = "wall time the script may run: 30s, 2m, 500ms or none (default: ${DEFAULT-VALUE})")
    Duration timeLimit;

    @Option(names = "--read-root", paramLabel = "DIR", description = "a further folder the script may read (repeatable)")
    List<Path> readRoots = new ArrayList<>();

    @Option(names = "--write-root", paramLabel = "DIR", description = "the folder the script may write into"
            + " (default: the current folder)")
    Path writeRoot;

    @Option(names = "--max-elements", paramLabel = "N", defaultValue = "10000000",
            description = "largest network (parameters) or matrix (elements); 0: no limit (default: ${DEFAULT-VALUE})")
    long maxElements;

    @Option(names = "--max-output", paramLabel = "BYTES", defaultValue = "16M", converter = Sizes.BytesConverter.class,
            description = "bytes the script may print: 1000000, 512K, 16M or none (default: ${DEFAULT-VALUE})")
    long maxOutput;

    @Option(names = "--max-memory", paramLabel = "BYTES", converter = Sizes.BytesConverter.class,
            description = "heap the script may allocate and keep (default: min(1G, a quarter of the JVM's heap))")
    Long maxMemory;

    @Option(names = "--max-statements", paramLabel = "N", defaultValue = "0",
            description = "JS statements the script may run, 0 for no limit (default: ${DEFAULT-VALUE})")
    long maxStatements;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        SandboxBuilder b = Sandbox.builder()
                .timeLimit(timeLimit)
                .maxElements(maxElements)
                .maxOutputBytes(maxOutput)
                .maxAllocatedBytes(maxMemory != null ? maxMemory : Limits.defaultMaxAllocatedBytes())
                .maxStatements(maxStatements)
                .readRoot(file.toAbsolutePath().getParent())
                .writeRoot(write)
                .out(System.out)
                .err(System.err)
                .args(args)
                .terminal(Terminal.isTerminal());
        readRoots.forEach(b::readRoot);
        try (Sandbox sandbox = b.build()) {
            Interrupts.onCtrlC(sandbox::interrupt);
            try {
                sandbox.run(file);
                return 0;
            } catch (ScriptError e) {
                System.out.flush();
                report(err, e);
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
     * "file:line:col: Name: message", then the script's own stack for errors (not for limits or Ctrl-C);
     * control characters the script put in them are shown escaped ({@link TerminalText}).
     */
    static void report(PrintStream err, ScriptError e) {
        String where = e.location();
        err.println(TerminalText.escape((where.isEmpty() ? "" : where + ": ") + e.getMessage()));
        if (e.kind() == ScriptError.Kind.ERROR) {
            String trace = e.fullTrace();
            int nl = trace.indexOf('\n');
            if (nl >= 0 && trace.indexOf('\n', nl + 1) >= 0) {
                err.println(TerminalText.escape(trace.substring(nl + 1)));
            }
        }
    }
}
