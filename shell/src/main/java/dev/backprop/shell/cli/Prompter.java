package dev.backprop.shell.cli;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Questions asked on the controlling terminal (/dev/tty), never on the script's output: one line of
 * question, one line of answer. Only when standard input is a terminal (standard error is not
 * checked: ./backprop passes it through a filter, and the question goes to /dev/tty anyway), else
 * {@link #ask} answers "" at once. Ctrl-C while waiting ({@link #cancel}) answers "".
 */
class Prompter {
    private static final String TTY = "/dev/tty";
    private Boolean interactive;
    private volatile boolean cancelled;

    /** Whether questions can be asked: stdin is a terminal and /dev/tty opens. */
    synchronized boolean interactive() {
        if (interactive == null) {
            interactive = isTerminal() && new java.io.File(TTY).canRead();
        }
        return interactive;
    }

    /** Stops a question being waited for (Ctrl-C); its answer is "". */
    void cancel() {
        cancelled = true;
    }

    /** Prints question on the terminal and returns the answer's first word in lower case ("" for none). */
    synchronized String ask(String question) {
        if (!interactive() || cancelled) {
            return "";
        }
        try (InputStream in = new FileInputStream(TTY); OutputStream out = new FileOutputStream(TTY)) {
            out.write(question.getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder answer = new StringBuilder();
            while (true) {
                // polled, so Ctrl-C (handled by the JVM, not the terminal read) can end the wait
                if (cancelled) {
                    out.write("\n".getBytes(StandardCharsets.UTF_8));
                    return "";
                }
                if (in.available() == 0) {
                    Thread.sleep(30);
                    continue;
                }
                int c = in.read();
                if (c < 0 || c == '\n') {
                    break;
                }
                answer.append((char) c);
            }
            String a = answer.toString().strip().toLowerCase(Locale.ROOT);
            return a.isEmpty() ? "" : a.split("\\s+")[0];
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** {@code test -t 0} with this process's standard input. */
    private static boolean isTerminal() {
        try {
            Process p = new ProcessBuilder("test", "-t", "0")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
