package dev.backprop.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The runtime as a named module, as an application that puts it on the module path sees it: only the API
 * packages are exported (not the kernels, not the binding's facades in script.js), and a script still
 * reaches every facade it uses, because GraalJS goes through the sandbox's module lookup. Runs
 * {@link NamedModuleMain} in a fresh JVM, the runtime's classes and the modules it requires on the module path.
 */
class NamedModuleTest {
    private static final String EXPORTS = "dev.backprop.data dev.backprop.explain dev.backprop.io dev.backprop.nn"
            + " dev.backprop.optim dev.backprop.plot dev.backprop.script dev.backprop.train";

    @Test
    void onlyTheApiIsExportedAndScriptsStillReachTheFacades() throws Exception {
        RuntimeModulePath paths = RuntimeModulePath.ofThisJvm();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the lesson's toy network: one forward through the facades of nn, networks and matrices
        String script = "const net = nn.toy(); const y = net.forward([0.5, 0.9]); const a = net.layers[0].a;"
                + " const values = (v) => Array.from(v instanceof nn.Matrix ? v.data : v).map((e) => e.toFixed(3));"
                + " print(values(y).join(','), values(a).join(','));";
        Process p = new ProcessBuilder(javaBin, "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "--enable-native-access=org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                "-p", paths.modulePath(), "--add-modules", "dev.backprop.runtime",
                "-cp", String.join(File.pathSeparator, paths.classPath()), NamedModuleMain.class.getName(), script)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertTrue(out.contains("MODULE: dev.backprop.runtime\n"), "the runtime did not run as a named module:\n" + out);
        assertEquals("EXPORTS: " + EXPORTS, line(out, "EXPORTS: "), out);
        assertEquals("SCRIPT: 0.762 0.647,0.678", line(out, "SCRIPT: "), out); // the lesson's ŷ and hidden a
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("no line " + prefix);
    }
}
