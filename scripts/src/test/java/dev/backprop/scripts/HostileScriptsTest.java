package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every attack in scripts/hostile/ through the real `backprop run`, as a stranger would run it: each
 * script's header says the flags it runs with ({@code // run:}) and its exact outcome ({@code // expect:
 * exit N, Name: start of the message}). Beyond that outcome, no attack may make the CLI print a Java
 * class name, a raw terminal escape or a line of /etc/passwd.
 */
class HostileScriptsTest {
    private static final Path HOSTILE = Launcher.SCRIPTS.resolve("hostile");
    private static final Pattern RUN = Pattern.compile("^// run:(.*)$", Pattern.MULTILINE);
    private static final Pattern EXPECT = Pattern.compile("^// expect: exit (\\d+), (\\w+)(?:: (.*))?$", Pattern.MULTILINE);

    static Stream<String> attacks() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void endsInItsDocumentedOutcome(String name) throws Exception {
        String text = Files.readString(HOSTILE.resolve(name));
        Matcher expect = EXPECT.matcher(text);
        assertTrue(expect.find(), name + " has no // expect: line");
        List<String> args = new ArrayList<>(List.of("run"));
        Matcher run = RUN.matcher(text);
        if (run.find()) {
            args.addAll(List.of(run.group(1).trim().split("\\s+")));
        }
        args.add(HOSTILE.resolve(name).toString());
        Launcher.Run r = Launcher.run(HOSTILE, args.toArray(String[]::new));
        int exit = Integer.parseInt(expect.group(1));
        String error = expect.group(2);
        String message = expect.group(3);
        assertEquals(exit, r.exit(), name + "\n" + r);
        assertTrue(r.err().contains(": " + error + (message == null ? "" : ": " + message)), name + "\n" + r);
        String all = r.out() + r.err();
        assertFalse(all.contains("dev.backprop") || all.contains("java.") || all.contains("org.graalvm"),
                name + " shows a Java name\n" + r);
        assertFalse(all.contains("root:x:0:0"), name + " shows /etc/passwd\n" + r);
        assertFalse(r.err().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f),
                name + " lets a control character through to the error stream\n" + r);
    }
}
