package dev.backprop.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script run exactly as its header's {@code Run:} line says ({@code ./backprop run [options]
 * scripts/NAME.js [-- args]}), through the real launcher, with stdout and stderr redirected to files.
 * The current folder (the write root) is a folder the caller chooses, so saved files land there.
 */
record ScriptRun(Path script, List<String> options, List<String> args) {
    static final Path ROOT = Launcher.ROOT;
    static final Path SCRIPTS = Launcher.SCRIPTS;
    private static final Pattern RUN = Pattern.compile("^//\\s*Run:\\s*\\./backprop run (.*)$");

    /** What one run left: exit code and the exact bytes of both streams. */
    record Output(int exit, byte[] out, byte[] err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + outText() + "\n--- stderr\n" + errText();
        }
    }

    /** Every .js and .mjs file in scripts/ (not its subfolders), sorted by name. */
    static List<Path> all() throws IOException {
        try (var files = Files.list(SCRIPTS)) {
            return files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".mjs")).sorted().toList();
        }
    }

    /** The first {@code // Run:} line of the script's leading comment block; an error when there is none. */
    static ScriptRun of(Path script) throws IOException {
        String name = script.getFileName().toString();
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            if (!line.startsWith("//")) {
                break;
            }
            Matcher m = RUN.matcher(line.strip());
            if (m.matches()) {
                List<String> words = new ArrayList<>(Arrays.asList(m.group(1).strip().split("\\s+")));
                int at = words.indexOf("scripts/" + name);
                if (at < 0) {
                    throw new AssertionError(name + ": its Run: line should run scripts/" + name + ", got: " + line);
                }
                List<String> after = words.subList(at + 1, words.size());
                if (!after.isEmpty() && !after.get(0).equals("--")) {
                    throw new AssertionError(name + ": after the script only `-- args` may follow, got: " + line);
                }
                return new ScriptRun(script, List.copyOf(words.subList(0, at)),
                        after.isEmpty() ? List.of() : List.copyOf(after.subList(1, after.size())));
            }
        }
        throw new AssertionError(name + ": the header (leading // comment) should say how to run it in a line"
                + " like `// Run:  ./backprop run scripts/" + name + "`");
    }

    /** Runs the script with {@code workDir} as the current folder; stdout and stderr go to files there. */
    Output run(Path workDir, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("backprop").toString());
        cmd.add("run");
        cmd.addAll(options);
        cmd.add(script.toString());
        if (!args.isEmpty()) {
            cmd.add("--");
            cmd.addAll(args);
        }
        Path out = workDir.resolve(".stdout");
        Path err = workDir.resolve(".stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("BACKPROP_NO_BUILD", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(script.getFileName() + " did not finish in " + timeoutSeconds + " s");
        }
        Output o = new Output(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        Files.delete(out);
        Files.delete(err);
        return o;
    }
}
