package dev.backprop.arch;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test JVM's class path split as an application that runs the runtime as a named module would set it up:
 * the runtime's classes and the modules it requires (GraalVM, Jackson, JFree) on the module path, the rest
 * (test classes, JUnit, ArchUnit, Jazzer) on the class path.
 */
record RuntimeModulePath(String runtimeClasses, List<String> requiredJars, List<String> classPath) {
    static RuntimeModulePath ofThisJvm() {
        String runtime = null;
        List<String> jars = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).endsWith(Path.of("target", "classes"))) {
                runtime = entry;
            } else if (entry.endsWith(".jar") && (entry.contains("graalvm") || entry.contains("jackson") || entry.contains("jfree"))) {
                jars.add(entry);
            } else {
                rest.add(entry);
            }
        }
        if (runtime == null) {
            throw new AssertionError("the runtime's target/classes is not on the class path: " + System.getProperty("java.class.path"));
        }
        return new RuntimeModulePath(runtime, jars, rest);
    }

    /** The module path: the runtime's classes and the jars it requires. */
    String modulePath() {
        List<String> all = new ArrayList<>(requiredJars);
        all.add(0, runtimeClasses);
        return String.join(File.pathSeparator, all);
    }
}
