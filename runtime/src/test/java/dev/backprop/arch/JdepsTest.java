package dev.backprop.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The JDK's own {@code jdeps} over the runtime's compiled classes finds no cycle among the
 * {@code dev.backprop} packages: the same rule as ArchitectureTest's, by the tool the issue names.
 */
class JdepsTest {
    /** {@code   dev.backprop.nn    -> dev.backprop.kernel    dev.backprop.runtime}: one package dependency. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.backprop\\S*)\\s+->\\s+(dev\\.backprop\\S*)\\s");

    @Test
    void jdepsFindsNoPackageCycle() {
        RuntimeModulePath paths = RuntimeModulePath.ofThisJvm();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--multi-release", String.valueOf(Runtime.version().feature()),
                "-verbose:package", "-filter:none", "--module-path", String.join(File.pathSeparator, paths.requiredJars()),
                paths.runtimeClasses());
        assertEquals(0, rc, out.toString());

        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                uses.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        // the parse saw the graph: the engine's bottom edge is there
        assertTrue(uses.getOrDefault("dev.backprop.nn", Set.of()).contains("dev.backprop.kernel"), out.toString());
        assertEquals(List.of(), cycle(uses), "jdeps: " + uses);
    }

    /** A cycle as the packages along it (first = last), or an empty list. */
    private static List<String> cycle(Map<String, Set<String>> uses) {
        Set<String> done = new HashSet<>();
        for (String start : uses.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            List<String> found = visit(start, uses, path, new HashSet<>(), done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String p, Map<String, Set<String>> uses, Deque<String> path, Set<String> onPath,
            Set<String> done) {
        if (onPath.contains(p)) {
            List<String> c = new ArrayList<>();
            boolean in = false;
            for (String q : path) {
                in |= q.equals(p);
                if (in) {
                    c.add(q);
                }
            }
            c.add(p);
            return c;
        }
        if (!done.add(p)) {
            return List.of();
        }
        path.addLast(p);
        onPath.add(p);
        for (String q : uses.getOrDefault(p, Set.of())) {
            List<String> c = visit(q, uses, path, onPath, done);
            if (!c.isEmpty()) {
                return c;
            }
        }
        path.removeLast();
        onPath.remove(p);
        return List.of();
    }
}
