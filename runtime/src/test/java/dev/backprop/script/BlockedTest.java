package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script must not do, each blocked with a clear error while the host (and the sandbox) stays
 * usable: afterwards the same sandbox still evaluates {@code nn.toy().forward([0.5, 0.9])}.
 */
class BlockedTest {
    @TempDir
    Path tmp;
    Path root;
    Path outside;

    @BeforeEach
    void layout() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.mjs"), "export const secret = 42;\n");
        Files.writeString(root.resolve("ok.mjs"), "export const fine = 1;\n");
        Files.writeString(outside.resolve("net.json"), "{}");
        Files.createSymbolicLink(root.resolve("link"), outside);
    }

    private ScriptError blocked(Scripts s, String js) {
        ScriptError e = assertThrows(ScriptError.class, () -> s.eval(js), js);
        assertFalse(e.getMessage().contains("at dev.") || e.fullTrace().contains("java.base"), e.fullTrace());
        assertStillUsable(s);
        return e;
    }

    private static void assertStillUsable(Scripts s) {
        assertEquals(0.7620332930580278, s.eval("nn.toy().forward([0.5, 0.9])[0]").value().asDouble());
    }

    private Scripts rooted() {
        return Scripts.open(root, root);
    }

    @Test
    void noJavaNoPolyglotNoRequireNoProcess() {
        try (Scripts s = Scripts.open()) {
            assertEquals("ReferenceError", blocked(s, "Java.type('java.lang.System')").errorName());
            assertEquals("ReferenceError", blocked(s, "Polyglot.eval('js', '1')").errorName());
            assertEquals("ReferenceError", blocked(s, "require('fs')").errorName());
            assertEquals("ReferenceError", blocked(s, "process.exit(1)").errorName());
            assertEquals("undefined undefined undefined undefined undefined", s.eval(
                    "[typeof Java, typeof Polyglot, typeof Packages, typeof quit, typeof readline].join(' ')")
                    .value().asString());
        }
    }

    @Test
    void loadOfAUrlIsRefused() {
        try (Scripts s = Scripts.open()) {
            ScriptError e = blocked(s, "load('https://example.com/evil.js')");
            assertEquals("SecurityError", e.errorName());
            assertTrue(e.getMessage().contains("URL") || e.getMessage().contains("load"), e.getMessage());
        }
    }

    @Test
    void importOutsideTheReadRootIsRefusedThreeWays() throws Exception {
        try (Scripts s = rooted()) {
            for (String spec : new String[] {outside.resolve("secret.mjs").toString(), "../outside/secret.mjs",
                "./link/secret.mjs"}) {
                Path main = root.resolve("main.mjs");
                Files.writeString(main, "import { secret } from '" + spec + "';\nprint(secret);\n");
                ScriptError e = assertThrows(ScriptError.class, () -> s.sandbox.run(main), spec);
                assertTrue(e.getMessage().contains("outside the sandbox's read roots"), e.getMessage());
                assertFalse(s.out().contains("42"));
                assertStillUsable(s);
            }
            Files.writeString(root.resolve("good.mjs"), "import { fine } from './ok.mjs';\nprint(fine);\n");
            s.sandbox.run(root.resolve("good.mjs"));
            assertEquals("1\n", s.out());
        }
    }

    @Test
    void readOutsideTheReadRootIsRefusedThreeWays() {
        try (Scripts s = rooted()) {
            for (String p : new String[] {outside.resolve("net.json").toString(), "../outside/net.json",
                "link/net.json"}) {
                ScriptError e = blocked(s, "nn.load('" + p + "')");
                assertEquals("SecurityError", e.errorName(), e.getMessage());
                assertTrue(e.getMessage().contains("outside the sandbox's read roots"), e.getMessage());
            }
        }
    }

    @Test
    void saveOutsideTheWriteRootIsRefusedThreeWays() {
        try (Scripts s = rooted()) {
            for (String p : new String[] {outside.resolve("w.json").toString(), "../outside/w.json", "link/w.json"}) {
                ScriptError e = blocked(s, "nn.toy().save('" + p + "')");
                assertEquals("SecurityError", e.errorName(), e.getMessage());
                assertTrue(e.getMessage().contains("outside the sandbox's write root"), e.getMessage());
            }
            assertFalse(Files.exists(outside.resolve("w.json")));
            s.eval("nn.toy().save('inside.json')");
            assertTrue(Files.exists(root.resolve("inside.json")));
        }
    }

    @Test
    void reflectionReachesNoHostObject() {
        try (Scripts s = Scripts.open()) {
            String js = """
                const net = nn.toy(), W = net.layers[0].W;
                const found = [];
                for (const o of [net, nn, W, W.value, net.layers[0], nn.sgd({ lr: 1 }), nn.matrix(1, 1), print]) {
                  for (const k of ['getClass', 'class', 'getMetaClass', '__proto__.getClass']) {
                    if (typeof o[k] === 'function') found.push(k);
                  }
                }
                const g = net.constructor.constructor('return this')();
                const g2 = W.value.constructor.constructor('return this')();
                const g3 = nn.net.constructor('return this')();
                for (const glob of [g, g2, g3]) {
                  for (const k of ['Java', 'Polyglot', 'Packages', 'java', 'com']) if (glob[k] !== undefined) found.push(k);
                }
                // the view's buffer is a plain ArrayBuffer: no host object behind it is reachable
                const b = W.value.buffer;
                if (typeof b.getClass === 'function' || typeof b.asByteBuffer === 'function') found.push('buffer');
                found.join(',')
                """;
            assertEquals("", s.eval(js).value().asString());
            assertEquals("TypeError", blocked(s, "nn.toy().getClass()").errorName());
            assertEquals("TypeError", blocked(s, "new (nn.toy().constructor)({})").errorName());
        }
    }

    @Test
    void endlessLoopStopsAtTheTimeLimit() {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(2)))) {
            // the loop never ends on its own: that it ended, with this error, is the 2 s limit firing
            ScriptError e = assertThrows(ScriptError.class, () -> s.eval("while (true) {}"));
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
            assertEquals("LimitError", e.errorName());
            assertTrue(e.getMessage().contains("time limit of 2s") && e.getMessage().contains("--time-limit"),
                    e.getMessage());
            assertStillUsable(s);
        }
    }

    @Test
    void hugeNetworkIsRefusedBeforeAllocating() {
        try (Scripts s = Scripts.open()) {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            ScriptError e = blocked(s, "nn.net([100000, 100000])");
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("--max-elements"), e.getMessage());
            assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes");
            assertEquals("LimitError", blocked(s, "nn.matrix(100000, 100000)").errorName());
        }
    }

    @Test
    void unboundedRecursionIsARangeError() {
        try (Scripts s = Scripts.open()) {
            ScriptError e = blocked(s, "function f(n) { return f(n + 1) + 1; }\nf(0)");
            assertEquals("RangeError", e.errorName());
            assertEquals(ScriptError.Kind.ERROR, e.kind());
            assertTrue(e.fullTrace().contains("at f (test.js:1:"), e.fullTrace());
        }
    }

    @Test
    void memoryBombEndsAsALimitError() {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60))
                .maxAllocatedBytes(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4)))) {
            ScriptError e = assertThrows(ScriptError.class,
                    () -> s.eval("let a = []; while (true) a.push(new Float64Array(1e6))"));
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
            s.eval("a = null");
            assertStillUsable(s);
        }
    }

    @Test
    void endlessPrintingEndsAtTheOutputLimit() {
        try (Scripts s = new Scripts(Sandbox.builder().maxOutputBytes(10_000))) {
            ScriptError e = assertThrows(ScriptError.class,
                    () -> s.eval("while (true) { try { print('all work and no play') } catch (e) {} }"));
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("output limit"), e.getMessage());
            assertTrue(s.out.size() <= 10_000, "wrote " + s.out.size());
            assertStillUsable(s);
        }
    }

    @Test
    void statementLimitClosesTheSandbox() {
        try (Scripts s = new Scripts(Sandbox.builder().maxStatements(10_000))) {
            s.eval("let n = 0; for (let i = 0; i < 100; i++) n++");
            ScriptError e = assertThrows(ScriptError.class, () -> s.eval("for (;;) {}"));
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("statement limit of 10000"), e.getMessage());
        }
    }
}
