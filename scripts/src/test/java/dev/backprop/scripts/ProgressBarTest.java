package dev.backprop.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * net.fit on Fashion-MNIST draws a progress bar (epoch, batch i/n, running loss) when the output is
 * a terminal: fashion-mnist.js runs through the real launcher, as its header's Run: line says, in a
 * tmux pseudo-terminal, and the screen is read until the bar shows. (When the output is redirected
 * to a file there is no bar: {@link ByteIdenticalTest} runs every script, fashion-mnist.js
 * included, that way and finds no carriage return in its output.)
 */
class ProgressBarTest {
    /** "epoch 1/3 ▕███░░░▏ batch 120/938  loss 0.6123": 938 batches of 64 in 60,000 images. */
    private static final Pattern BAR = Pattern.compile("epoch [1-3]/3 .*batch \\d+/938 .*loss \\d+\\.\\d+");

    @Test
    void fitOnFashionMnistShowsAProgressBarOnATerminal() throws Exception {
        ScriptRun run = ScriptRun.of(ScriptRun.SCRIPTS.resolve("fashion-mnist.js"));
        List<String> command = new ArrayList<>(List.of("./backprop", "run"));
        command.addAll(run.options());
        command.add("scripts/fashion-mnist.js");
        try (Tmux t = Tmux.start(ScriptRun.ROOT, Map.of("BACKPROP_NO_BUILD", "1", "TERM", "xterm-256color"),
                command.toArray(String[]::new))) {
            t.await("fit's progress bar (epoch i/3, batch i/938, loss)", s -> BAR.matcher(s).find());
        }
    }
}
