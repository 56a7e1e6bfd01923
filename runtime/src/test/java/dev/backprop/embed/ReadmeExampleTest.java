package dev.backprop.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's embedding section as a new user would use it: its Java class is compiled as written against
 * the library jar and its dependencies, laid out as the README says (target/modules, target/upgrade,
 * target/lib; the build copies them to target/embed), and started with the README's own command line.
 */
class ReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EMBED = Path.of("target", "embed");
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path app;

    @Test
    void theReadmeClassCompilesAndRunsOptimizingWithoutWarnings() throws Exception {
        int feature = Runtime.version().feature();
        assumeTrue(feature >= 25, "README's command line is for JDK 25 (the optimizing runtime); this JVM is "
                + feature + ", where the library runs interpreted (docs/embedding.md)");
        assumeTrue(Files.isDirectory(EMBED.resolve("modules")), "target/embed is laid out by the build's"
                + " process-test-classes phase; run the test through Maven");
        String section = embeddingSection(Files.readString(README));
        String javaSource = block(section, "java", "public static void main");
        String command = block(section, "sh", "-XX:+EnableJVMCI");
        Matcher name = Pattern.compile("public class (\\w+)").matcher(javaSource);
        assertTrue(name.find(), "the README class is public");
        String className = name.group(1);

        // the layout of README / docs/embedding.md, with the library as the jar Maven would install
        Path target = app.resolve("target");
        copyDir(EMBED.resolve("modules"), target.resolve("modules"));
        copyDir(EMBED.resolve("upgrade"), target.resolve("upgrade"));
        copyDir(EMBED.resolve("lib"), target.resolve("lib"));
        jar(Path.of("target", "classes"), target.resolve("lib").resolve("backprop-runtime-0.2.0.jar"));
        Path src = app.resolve("src").resolve(className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, javaSource);
        Files.createDirectories(target.resolve("classes"));
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", target.resolve("classes").toString(),
                "-cp", target.resolve("lib") + "/*:" + target.resolve("modules") + "/*", src.toString())
                .redirectErrorStream(true).start();
        String diagnostics = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(javac.waitFor(120, TimeUnit.SECONDS), "javac did not finish");
        assertEquals(0, javac.exitValue(), "the README class does not compile:\n" + diagnostics);

        List<String> argv = tokens(command);
        assertEquals("java", argv.get(0), "the README command starts with java");
        argv.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = new ProcessBuilder(argv).directory(app.toFile()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread e = drain(p.getErrorStream(), err);
        Thread o = drain(p.getInputStream(), out);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the README program did not finish in 120 s");
        o.join();
        e.join();
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "exit code; stdout:\n" + stdout + "\nstderr:\n" + stderr);
        assertFalse(stderr.contains("WARNING"), "the JVM printed warnings:\n" + stderr);
        assertEquals("", stderr.strip(), "nothing on stderr");
        assertTrue(stdout.contains("runtime: GraalVM CE (optimizing)"), stdout);
        // the lesson: ŷ = 0.762 before training; after one step L = 0.027, so 100 steps end lower
        assertTrue(stdout.contains("y-hat before 0.762"), stdout);
        Matcher loss = Pattern.compile("loss after 100 steps (\\d\\.\\d{4})").matcher(stdout);
        assertTrue(loss.find(), stdout);
        double l = Double.parseDouble(loss.group(1));
        assertTrue(l > 0 && l < 0.027, "loss after 100 steps " + l);
        assertTrue(stdout.contains("W2 after training: "), stdout);
    }

    private static Thread drain(java.io.InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }

    private static String embeddingSection(String readme) {
        int start = readme.indexOf("## Embedding");
        assertTrue(start >= 0, "README has an Embedding section");
        int end = readme.indexOf("\n## ", start + 3);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String block(String text, String lang, String containing) {
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(lang) && m.group(2).contains(containing)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no ```" + lang + " block with '" + containing + "' in README's Embedding section");
    }

    /** Splits a shell command: continuation lines joined, single-quoted words kept whole (no globbing). */
    static List<String> tokens(String command) {
        String line = command.replace("\\\n", " ").strip();
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
