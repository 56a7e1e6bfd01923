package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program running in a real pseudo-terminal: a detached tmux session on a private server.
 * Tests type into it with {@link #type} and {@link #keys} and wait for the screen with
 * {@link #await}, which polls capture-pane until the text appears or a generous timeout passes.
 */
final class Tmux implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static int sessions;

    private final String socket;
    private final String name;

    private Tmux(String socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    /** Skips the test when tmux is missing (.ci/run installs it). */
    static void assumeInstalled() {
        boolean present;
        try {
            present = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        assumeTrue(present, "tmux is not installed: the end-to-end shell tests need it (apt-get install tmux)");
    }

    /** Starts command in dir with env in a 120×40 terminal; the pane stays after the command exits. */
    static Tmux start(Path dir, Map<String, String> env, String... command) throws Exception {
        assumeInstalled();
        String socket = "backprop-test-" + ProcessHandle.current().pid() + "-" + (++sessions);
        String name = "t";
        StringBuilder cmd = new StringBuilder("cd ").append(quote(dir.toString())).append(" && exec env");
        env.forEach((k, v) -> cmd.append(' ').append(k).append('=').append(quote(v)));
        for (String c : command) {
            cmd.append(' ').append(quote(c));
        }
        Tmux t = new Tmux(socket, name);
        t.tmux("-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "sh", "-c",
                "tmux -L " + socket + " set-option -t " + name + " remain-on-exit on; " + cmd);
        return t;
    }

    /** Types text literally (no Enter). */
    Tmux type(String text) throws Exception {
        tmux("send-keys", "-t", name, "-l", text);
        return this;
    }

    /** Sends named keys: Enter, Tab, C-c, C-d, Up, Left, Right, Space. */
    Tmux keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
        return this;
    }

    /** Types a line and presses Enter. */
    Tmux line(String text) throws Exception {
        return type(text).keys("Enter");
    }

    /** The whole pane including its scrollback, wrapped lines joined. */
    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", name, "-S", "-2000");
    }

    /** The last line of the visible pane that is not blank (where the cursor's line usually is). */
    String lastLine() throws Exception {
        List<String> lines = tmux("capture-pane", "-p", "-t", name).lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
    }

    /** Waits until the last non-blank line of the pane is exactly line. */
    String awaitLastLine(String line) throws Exception {
        return awaitLastLine("'" + line + "'", line::equals);
    }

    /** Waits until the last non-blank line of the pane satisfies test; fails with the screen after the timeout. */
    String awaitLastLine(String what, Predicate<String> test) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String last = lastLine();
        while (!test.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT.toSeconds() + " s waiting for the last line to be " + what
                        + "; it is '" + last + "'; the terminal shows:\n" + screen());
            }
            Thread.sleep(50);
            last = lastLine();
        }
        return last;
    }

    /** The visible pane only, with its escape codes (-e), for checking colour. */
    String visibleWithEscapes() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-t", name);
    }

    /** Waits until the screen satisfies test; fails with the screen after the timeout. */
    String await(String what, Predicate<String> test) throws Exception {
        return poll("waiting for " + what, test, null);
    }

    /** Sends key, every half second, until the screen satisfies test (for control keys that can land between reads). */
    String repeatUntil(String key, Predicate<String> test) throws Exception {
        return poll("pressing " + key, test, key);
    }

    /** Reads the screen every 50 ms until test holds, first sending key (if any) every tenth read. */
    private String poll(String doing, Predicate<String> test, String key) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String s = screen();
        for (int read = 0; !test.test(s); read++) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT.toSeconds() + " s " + doing + "; the terminal shows:\n" + s);
            }
            if (key != null && read % 10 == 0) {
                keys(key);
            }
            Thread.sleep(50);
            s = screen();
        }
        return s;
    }

    /** Waits until the program in the pane has ended (the pane is dead, or gone with its server). */
    void awaitExit() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String state;
            try {
                state = tmux("list-panes", "-t", name, "-F", "#{pane_dead} #{pane_current_command}").strip();
            } catch (IOException gone) {
                return;
            }
            if (state.startsWith("1")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT.toSeconds() + " s waiting for the program to end (pane: " + state
                        + "); the terminal shows:\n" + screen());
            }
            Thread.sleep(50);
        }
    }

    /** Sends key every half second until the program ends (Ctrl-D that may land between two line reads). */
    void repeatUntilExit(String key) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!exited()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT.toSeconds() + " s pressing " + key + " to leave; the terminal shows:\n"
                        + screen());
            }
            keys(key);
            for (int i = 0; i < 10 && !exited(); i++) {
                Thread.sleep(50);
            }
        }
    }

    /** Whether the program in the pane has ended. */
    boolean exited() throws Exception {
        try {
            return tmux("list-panes", "-t", name, "-F", "#{pane_dead}").strip().startsWith("1");
        } catch (IOException gone) {
            return true;
        }
    }

    /** Waits until text appears on the screen. */
    String await(String text) throws Exception {
        return await("'" + text + "'", s -> s.contains(text));
    }

    /** Waits until text appears more often than it did (count), e.g. a second prompt. */
    String awaitMore(String text, int count) throws Exception {
        return await("occurrence " + (count + 1) + " of '" + text + "'", s -> occurrences(s, text) > count);
    }

    int count(String text) throws Exception {
        return occurrences(screen(), text);
    }

    static int occurrences(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length())) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws Exception {
        try {
            tmux("kill-server");
        } catch (AssertionError | IOException e) {
            // the server is gone already
        }
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
