package dev.backprop.shell.explain;

import dev.backprop.explain.Walkthrough;
import dev.backprop.nn.BackpropException;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.ValueError;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backprop explain}: the lesson's step animated on a terminal, or printed as plain text. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Walk through one step of backprop on the lesson's 2→2→1 network, beat by beat.",
        footer = {"", "Examples:", "  backprop explain             step through with space/→, ← back, q quit",
            "  backprop explain --auto      play by itself",
            "  backprop explain --x 1,0 --y 0 --lr 2 > step.txt   plain text to a file"})
public final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--auto", description = "Play the beats by themselves.")
    boolean auto;

    @Option(names = "--beat-ms", defaultValue = "1600", description = "Milliseconds per beat with --auto (default ${DEFAULT-VALUE}).")
    long beatMillis;

    @Option(names = "--x", defaultValue = "0.5,0.9", description = "The input, two numbers (default ${DEFAULT-VALUE}).")
    String x;

    @Option(names = "--y", defaultValue = "1", description = "The target (default ${DEFAULT-VALUE}).")
    double y;

    @Option(names = "--lr", defaultValue = "0.5", description = "Learning rate η (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--train-biases", description = "Let b1 and b2 move too (the lesson holds them fixed).")
    boolean trainBiases;

    @Option(names = "--plain", description = "Print the beats as plain text even on a terminal.")
    boolean plain;

    @Override
    public Integer call() throws Exception {
        if (beatMillis < 1) { // a beat of 0 ms never moved on
            System.err.println("backprop explain: --beat-ms must be at least 1 (milliseconds per beat with --auto), got "
                    + beatMillis);
            return 2;
        }
        Walkthrough w;
        try {
            w = Walkthrough.of(Network.toy(trainBiases), Matrix.of(1, 2, parseX(x)), Matrix.of(1, 1, y), lr);
        } catch (BackpropException e) {
            System.err.println("backprop explain: " + e.getMessage());
            return 2;
        }
        if (plain || Style.noColor()) {
            System.out.print(w);
            System.out.flush();
            return 0;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysOut).build()) {
            if (!Style.isInteractive(terminal)) {
                System.out.print(w);
                System.out.flush();
                return 0;
            }
            return show(w, terminal, auto, beatMillis);
        }
    }

    /** Animates w on an interactive terminal, as {@code .explain} in the shell does. */
    public static int show(Walkthrough w, Terminal terminal, boolean auto, long beatMillis) throws java.io.IOException {
        terminal.writer().println(Ansi.BOLD.paint(w.title(), true));
        int width = Math.max(40, terminal.getWidth() > 0 ? terminal.getWidth() - 1 : 100);
        new ExplainPlayer(terminal).play(Frames.of(w, true, width), auto, beatMillis);
        return 0;
    }



    private static double[] parseX(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new ValueError("--x takes the two inputs of the toy network separated by a comma, e.g. --x 0.5,0.9;"
                    + " got '" + text + "'");
        }
        double[] v = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ValueError("--x takes numbers, e.g. --x 0.5,0.9; '" + parts[i].trim() + "' is not a number");
            }
        }
        return v;
    }
}
