package dev.backprop.shell.cli;

import dev.backprop.script.Sandbox;
import dev.backprop.shell.explain.ExplainCommand;
import dev.backprop.shell.repl.ReplCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code backprop} command: the shell with no arguments, {@code run FILE}, {@code --help}, {@code --version}. */
@Command(name = "backprop",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, ExplainCommand.class, ReplCommand.class},
        description = {"Backprop Sandbox: neural networks you can script, train and take apart.",
                "With no command, opens the interactive shell."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:script error or failed assertion", "2:usage error",
                "3:a sandbox limit was hit", "130:interrupted (Ctrl-C)"},
        footer = {"%nExamples:",
                "  backprop                     the interactive shell (.help inside)",
                "  backprop run train.js        run a script",
                "  backprop explain             one step of backprop, beat by beat",
                "  backprop explain > step.txt  the same walkthrough as plain text"})
public final class Main implements Callable<Integer> {
    /** Exit code: a script error or failed assertion. */
    public static final int SCRIPT_ERROR = 1;
    /** Exit code: a usage error. */
    public static final int USAGE = 2;
    /** Exit code: a sandbox limit was hit. */
    public static final int LIMIT = 3;
    /** Exit code: interrupted with Ctrl-C. */
    public static final int INTERRUPTED = 130;

    @Override
    public Integer call() {
        return ShellCommand.start();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** What {@code backprop --version} prints: the version and which Truffle runtime is active. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            String runtime = Sandbox.runtimeName();
            boolean optimizing = !runtime.toLowerCase(java.util.Locale.ROOT).contains("interpreted");
            return new String[] {
                "backprop " + (v == null ? "(development build)" : v),
                "JavaScript runtime: " + runtime + (optimizing ? " (optimizing Truffle runtime: scripts are compiled)"
                        : " (interpreted: scripts run without the optimizing compiler; start through ./backprop on"
                        + " JDK 25 to get it)"),
                "Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            };
        }
    }
}
