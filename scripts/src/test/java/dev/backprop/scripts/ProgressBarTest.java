package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * net.fit on Fashion-MNIST draws a progress bar (epoch, batch i/n, running loss) when the output is
 * a terminal: fashion-mnist.js runs through the real launcher in a tmux pseudo-terminal, and the
 * pane is read until the bar shows. (When the output is redirected to a file there is no bar:
 * {@link ByteIdenticalTest} runs every script, fashion-mnist.js included, that way and finds no
 * carriage return in its output.)
 */
class ProgressBarTest {
    /** "epoch 1/3 ▕███░░░▏ batch 120/938  loss 0.6123": 938 batches of 64 in 60,000 images. */
    private static final Pattern BAR = Pattern.compile("epoch [1-3]/3 .*batch \\d+/938 .*loss \\d+\\.\\d+");
    private static final int WAIT_SECONDS = 240;

    private final String socket = "backprop-progress-" + ProcessHandle.current().pid();

    @Test
    void fitOnFashionMnistShowsAProgressBarOnATerminal() throws Exception {
        ScriptRun run = ScriptRun.of(ScriptRun.SCRIPTS.resolve("fashion-mnist.js"));
        StringBuilder command = new StringBuilder("cd '" + ScriptRun.ROOT + "' && BACKPROP_NO_BUILD=1 ./backprop run");
        run.options().forEach(o -> command.append(' ').append(o));
        command.append(" scripts/fashion-mnist.js; echo \"[exit $?]\"; sleep 600");
        try {
            assertEquals(0, tmux("new-session", "-d", "-s", "fit", "-x", "120", "-y", "30", command.toString()).exit,
                    "tmux could not start (is it installed? .ci/run installs it)");
            String screen = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                screen = tmux("capture-pane", "-p", "-t", "fit").out;
                if (BAR.matcher(screen).find() || screen.contains("[exit ")) {
                    break;
                }
                Thread.sleep(250);
            }
            assertTrue(BAR.matcher(screen).find(), "no progress bar appeared in the pseudo-terminal within "
                    + WAIT_SECONDS + " s; the pane shows:\n" + screen);
        } finally {
            tmux("kill-server");
        }
    }

    private record Result(int exit, String out) {
    }

    /** Runs tmux on this test's own server socket, so it never touches another tmux. */
    private Result tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", args) + " did not return");
        }
        return new Result(p.exitValue(), out);
    }
}
