package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./backprop's fast start on JDK 25 (bin/prepare-runtime.sh): a jlinked runtime with the Graal compiler on the
 * plain module path and JDK 25's ahead-of-time cache. It must change nothing but the start-up time: the same
 * output as the installed JDK with --upgrade-module-path, nothing from the JVM on either stream, and a cache
 * that no longer matches the jars is never used.
 */
class LauncherStartTest {
    private static final Path APP = Launcher.ROOT.resolve("shell/target/app");

    @TempDir
    Path dir;

    private static Launcher.Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Launcher.ROOT.resolve("backprop").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Launcher.ROOT.toFile());
        pb.environment().put("BACKPROP_NO_BUILD", "1");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("BACKPROP_JAVA_OPTS");
        pb.environment().remove("BACKPROP_VECTOR");
        pb.environment().remove("BACKPROP_AOT");
        pb.environment().putAll(env);
        return Launcher.finish(pb.start(), 600);
    }

    /** The fast start needs JDK 25; on an older JDK the launcher says so on its Start-up line instead. */
    private static void assumeJdk25() throws Exception {
        Launcher.Run v = run(Map.of(), "--version");
        assumeTrue(v.out().contains("Java: 25"), "the fast start needs JDK 25: " + v);
    }

    @Test
    void thePreparedRuntimeRunsTheLessonExactlyLikeTheInstalledJdk() throws Exception {
        assumeJdk25();
        Launcher.Run prepare = run(Map.of(), "--prepare");
        assertEquals(0, prepare.exit(), prepare.toString());
        assertTrue(Files.isRegularFile(APP.resolve("backprop.aot")), prepare.toString());

        Launcher.Run version = run(Map.of(), "--version");
        assertTrue(version.out().contains("Start-up: linked runtime with the ahead-of-time cache"), version.toString());
        assertTrue(version.out().contains("optimizing Truffle runtime"), version.toString());
        assertEquals("", version.err(), version.toString());

        Launcher.Run fast = run(Map.of(), "run", "scripts/lesson.js");
        Launcher.Run plain = run(Map.of("BACKPROP_AOT", "0"), "run", "scripts/lesson.js");
        assertEquals(0, fast.exit(), fast.toString());
        assertEquals(0, plain.exit(), plain.toString());
        assertTrue(fast.out().contains("0.762"), "the lesson's ŷ = 0.762: " + fast);
        assertEquals(plain.out(), fast.out(), "the same bits with and without the fast start");
        assertEquals("", fast.err(), "nothing from the JVM about its cache may reach the user: " + fast);
        assertEquals("", plain.err(), plain.toString());

        Launcher.Run off = run(Map.of("BACKPROP_AOT", "0"), "--version");
        assertTrue(off.out().contains("Start-up: the installed JDK with --upgrade-module-path (BACKPROP_AOT=0"),
                off.toString());
    }

    @Test
    void aCacheThatDoesNotMatchTheJarsIsNotUsed() throws Exception {
        assumeJdk25();
        assertEquals(0, run(Map.of(), "--prepare").exit());
        Path key = APP.resolve("backprop.aot.key");
        String good = Files.readString(key);
        try {
            // as after a rebuild: the recorded jars are not the jars on the path any more
            Files.writeString(key, "built from other jars\n");
            Launcher.Run version = run(Map.of(), "--version");
            assertTrue(version.out().contains("Start-up: linked runtime without its ahead-of-time cache yet"),
                    version.toString());
            Path script = dir.resolve("toy.js");
            Files.writeString(script, "print(nn.toy().forward([0.5, 0.9])[0].toFixed(6))\n");
            Launcher.Run r = run(Map.of(), "run", script.toString());
            assertEquals(0, r.exit(), r.toString());
            assertEquals("0.762033\n", r.out(), "the lesson's ŷ (PyTorch: 0.762033): " + r);
            assertEquals("", r.err(), r.toString());
        } finally {
            // the run above started a background preparation for the bogus key; --prepare waits for it, then
            // trains the cache again for the real jars
            Files.writeString(key, good);
            Launcher.Run again = run(Map.of(), "--prepare");
            assertEquals(0, again.exit(), again.toString());
        }
        assertTrue(run(Map.of(), "--version").out().contains("with the ahead-of-time cache"));
    }
}
