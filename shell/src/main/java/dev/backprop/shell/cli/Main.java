package dev.backprop.shell.cli;

import dev.backprop.script.RuntimeInfo;
import dev.backprop.script.Sandbox;
import dev.backprop.shell.explain.ExplainCommand;
import dev.backprop.shell.repl.ReplCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code backprop} command: the shell with no arguments, {@code run FILE}, {@code --help}, {@code --version}. */
@Command(name = "backprop",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
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
                "  backprop explain > step.txt  the same walkthrough as plain text",
                "  ./backprop --prepare         (the launcher) build the fast-start runtime now, on JDK 25;",
                "                               otherwise it is built once, in the background"})
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
        if (args.length == 0) { // the shell, without building picocli's model of every command (≈ 0.14 s when cold)
            System.exit(ShellCommand.start());
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        RunCommand.describeDefaults();
        CommandLine cmd = new CommandLine(new Main()).setExecutionExceptionHandler(Main::unexpected)
                .setParameterExceptionHandler(Main::usageError);
        for (CommandLine sub : cmd.getSubcommands().values()) { // each lists -V in its help: it answers as the top does
            sub.getCommandSpec().versionProvider(new Version());
        }
        return cmd.execute(args);
    }

    /**
     * A usage error: what was wrong, "did you mean …?" for a misspelt command or option, and where the
     * help is, instead of the whole usage. Exit code 2.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (!(e instanceof CommandLine.UnmatchedArgumentException u0 && !u0.getUnmatched().isEmpty()
                && !u0.getUnmatched().get(0).startsWith("-") && !cmd.getSubcommands().isEmpty())) {
            err.println(name + ": " + e.getMessage());
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            java.util.List<String> known = new java.util.ArrayList<>();
            if (!typed.startsWith("-") && !cmd.getSubcommands().isEmpty()) {
                err.println(name + ": '" + typed + "' is not a command (commands: "
                        + String.join(", ", cmd.getSubcommands().keySet()) + ")");
            }
            if (typed.startsWith("-")) {
                cmd.getCommandSpec().options().forEach(o -> known.addAll(java.util.List.of(o.names())));
                typed = typed.replaceFirst("=.*", "");
            } else {
                known.addAll(cmd.getSubcommands().keySet());
            }
            java.util.List<String> near = Suggestions.near(typed, known);
            if (!near.isEmpty()) {
                String prefix = typed.startsWith("-") ? "" : name + " ";
                err.println("Did you mean " + String.join(" or ", near.stream().map(n -> prefix + n).toList()) + "?");
            }
        }
        err.println("(" + name + " --help shows the usage)");
        err.flush();
        return USAGE;
    }

    /**
     * A failure outside any script (say, a JVM option the JavaScript engine refuses): one line saying what went
     * wrong instead of a Java stack trace, which BACKPROP_DEBUG=1 still shows. Exit code 1.
     */
    static int unexpected(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean debug = !"".equals(System.getenv().getOrDefault("BACKPROP_DEBUG", ""));
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println("backprop: " + message + (debug ? "" : "\n(BACKPROP_DEBUG=1 shows the Java stack trace)"));
        if (debug) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return SCRIPT_ERROR;
    }

    /** "Kernel: vector-512 (Vector API)" or "Kernel: scalar (plain Java…)": which dense-product kernel runs. */
    static String kernelLine(String name) {
        return "Kernel: " + name + (name.startsWith("vector") ? " (Vector API; BACKPROP_VECTOR=0 selects the plain-Java"
                + " scalar kernel)" : " (plain Java; the Vector API kernel needs --add-modules jdk.incubator.vector,"
                + " which ./backprop adds unless BACKPROP_VECTOR=0)") + "; results are the same bits either way";
    }

    /** What {@code backprop --version} prints: the version and which Truffle runtime is active. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            RuntimeInfo info = Sandbox.runtimeInfo();
            String runtime = info.runtime();
            boolean optimizing = info.optimizing();
            return new String[] {
                "backprop " + (v == null ? "(development build)" : v),
                "JavaScript runtime: " + runtime + (optimizing ? " (optimizing Truffle runtime: scripts are compiled)"
                        : " (interpreted: scripts run without the optimizing compiler; start through ./backprop on"
                        + " JDK 25 to get it)"),
                "Java: " + info.javaVersion() + " (" + System.getProperty("java.vm.name") + ")",
                kernelLine(info.kernel()),
                startLine(System.getProperty("backprop.start")),
            };
        }
    }

    /** What ./backprop says about its fast start (it sets -Dbackprop.start; see bin/prepare-runtime.sh). */
    static String startLine(String start) {
        String preparing = " (the fast-start runtime is being prepared in the background; ./backprop --prepare"
                + " builds it now)";
        String failed = " (preparing the fast-start runtime failed: see shell/target/app/prepare.log;"
                + " ./backprop --prepare tries again)";
        String s = start == null ? "" : start;
        String why = s.endsWith("-failed") ? failed : preparing;
        return "Start-up: " + switch (s.replace("-failed", "")) {
            case "cache" -> "linked runtime with the ahead-of-time cache (fast start)";
            case "image" -> "linked runtime without its ahead-of-time cache yet" + why;
            case "image-scalar" -> "linked runtime without the ahead-of-time cache (BACKPROP_VECTOR=0 has none)";
            case "jdk" -> "the installed JDK with --upgrade-module-path" + why;
            case "off" -> "the installed JDK with --upgrade-module-path (BACKPROP_AOT=0: no fast start)";
            case "old" -> "the installed JDK (the fast-start runtime needs JDK 25)";
            default -> "not started by ./backprop";
        };
    }
}
