package dev.backprop.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ./backprop launcher (without rebuilding: `mvn verify` has just packaged the shell). */
final class Launcher {
    /** The repository root: the scripts module's parent folder. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path SCRIPTS = ROOT.resolve("scripts");

    /** Exit code and both streams of one finished run. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Launcher() {
    }

    static Process start(Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("backprop").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("BACKPROP_NO_BUILD", "1");
        return pb.start();
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        Process p = start(workDir, args);
        return finish(p, 120);
    }

    static Run finish(Process p, int seconds) throws IOException, InterruptedException {
        var out = p.getInputStream();
        var err = p.getErrorStream();
        StringBuilder errText = new StringBuilder();
        Thread drainErr = new Thread(() -> {
            try {
                errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drainErr.start();
        String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("backprop did not finish in " + seconds + " s");
        }
        drainErr.join();
        return new Run(p.exitValue(), outText, errText.toString());
    }
}
