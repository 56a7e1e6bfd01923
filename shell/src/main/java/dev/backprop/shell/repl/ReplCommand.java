package dev.backprop.shell.repl;

import dev.backprop.script.Sandbox;
import dev.backprop.shell.explain.Style;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backprop} with no arguments (or {@code backprop shell}): the interactive JavaScript shell. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "The interactive shell (the default): JavaScript with nn, plot and print.",
        footer = {"", "Examples:", "  backprop                       open the shell",
            "  BACKPROP_HISTORY=/tmp/h backprop   keep history elsewhere (empty: none)"})
public final class ReplCommand implements Callable<Integer> {
    @Option(names = "--no-history", description = "Do not read or write the history file.")
    boolean noHistory;

    /** Printed above the first prompt. */
    static String banner() {
        return "Backprop Sandbox shell · JavaScript with nn, plot, print · .help for help, Ctrl-D to leave";
    }

    @Override
    public Integer call() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        // graphemeCluster(false): JLine would otherwise probe the terminal's modes while building it and
        // drain the input to read the answer, losing the keys typed while the shell starts
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("backprop").nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).graphemeCluster(false).build()) {
            boolean interactive = Style.isInteractive(terminal);
            boolean color = interactive && !Style.noColor();
            Supplier<Sandbox> sandboxes = () -> Sandbox.builder()
                    .out(terminal.output()).err(terminal.output())
                    .terminal(interactive)
                    .timeLimit(null)
                    .readRoot(cwd).writeRoot(cwd)
                    .build();
            Path history = noHistory ? null : HistoryFile.resolve(System.getenv(), System.getProperty("user.home"));
            return new Repl(terminal, sandboxes, new Repl.Options(history, color, cwd, banner())).run();
        }
    }
}
