package dev.backprop.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher adds the Vector API (jdk.incubator.vector) by default and users see no JVM warning at all:
 * not the incubator line (filtered by ./backprop), not JDK 25's sun.misc.Unsafe or native-access warnings.
 */
class LauncherStderrTest {
    @TempDir
    Path dir;

    private static Launcher.Run run(Path dir, String vector, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Launcher.ROOT.resolve("backprop").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("BACKPROP_NO_BUILD", "1");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("BACKPROP_JAVA_OPTS");
        if (vector != null) {
            pb.environment().put("BACKPROP_VECTOR", vector);
        } else {
            pb.environment().remove("BACKPROP_VECTOR");
        }
        return Launcher.finish(pb.start(), 120);
    }

    @Test
    void oneLineScriptLeavesStderrEmptyWithTheVectorKernel() throws Exception {
        Files.writeString(dir.resolve("one.js"), "print(1 + 1)\n");
        Launcher.Run r = run(dir, null, "run", "one.js");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("2\n", r.out(), r.toString());
        assertEquals("", r.err(), "no JVM warning may reach the user: " + r);
        Launcher.Run version = run(dir, null, "--version");
        assertEquals(0, version.exit(), version.toString());
        assertTrue(version.out().contains("Kernel: vector"), "the Vector API kernel is the default: " + version);
        assertEquals("", version.err(), version.toString());
    }

    @Test
    void optOutUsesTheScalarKernelAndIsAlsoQuiet() throws Exception {
        Files.writeString(dir.resolve("one.js"), "print(1 + 1)\n");
        Launcher.Run r = run(dir, "0", "run", "one.js");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("2\n", r.out(), r.toString());
        assertEquals("", r.err(), r.toString());
        Launcher.Run version = run(dir, "0", "--version");
        assertTrue(version.out().contains("Kernel: scalar"), "BACKPROP_VECTOR=0 selects the scalar kernel: " + version);
    }

    @Test
    void scriptStderrStillArrivesWholeAndInOrder() throws Exception {
        // the warning's text itself, printed by a script after boot, is the user's output and must get through
        Files.writeString(dir.resolve("err.js"), "console.error('first');\n"
                + "console.error('WARNING: Using incubator modules: jdk.incubator.vector');\n"
                + "console.error('third');\nthrow new Error('boom');\n");
        Launcher.Run r = run(dir, null, "run", "err.js");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("first\nWARNING: Using incubator modules: jdk.incubator.vector\nthird\n"
                + "err.js:4:"), r.toString());
        assertTrue(r.err().contains("Error: boom"), r.toString());
    }
}
