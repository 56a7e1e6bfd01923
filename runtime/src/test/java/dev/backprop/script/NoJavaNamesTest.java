package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Out-of-range sizes, indices and damaged JSON are script errors in the API's words, never Java class names. */
class NoJavaNamesTest {
    @Test
    void hugeIndicesAndSizesAreClearErrors() {
        try (Scripts s = Scripts.open()) {
            s.eval(Scripts.ERR_NAME + """
                const cases = [
                  [() => nn.matrix(2, 2).get(2 ** 40, 0), 'RangeError', 'row index i'],
                  [() => nn.matrix(2, 2).set(0, 2 ** 40, 1), 'RangeError', 'column index j'],
                  [() => nn.matrix(2 ** 31, 2), 'LimitError', 'rows'],
                  [() => nn.net([2 ** 31, 1]), 'LimitError', 'sizes[0]'],
                  [() => nn.net([2, 2 ** 40, 1]), 'LimitError', 'sizes[1]'],
                  [() => nn.fromJSON('['.repeat(1e5)), 'FormatError', 'nested too deeply'],
                ];
                for (const [f, name, part] of cases) {
                  const m = errName(f);
                  assert(m.startsWith(name + ': ') && m.includes(part), m);
                  assert(!/dev\\.backprop|java|Jackson|StreamReadConstraints|invokeMember|ClassCast/.test(m), m);
                }
                """);
        }
    }

    @Test
    void urlImportsAreSecurityErrors() {
        try (Scripts s = Scripts.open()) {
            ScriptError e = assertThrows(ScriptError.class, () -> s.sandbox.eval(
                    "import x from 'http://example.com/x.mjs';", "m.mjs"));
            assertEquals("SecurityError", e.errorName(), e.getMessage());
            assertFalse(e.getMessage().contains("dev.backprop"), e.getMessage());
        }
    }

    @Test
    void importsOutsideTheRootsAreSecurityErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path inside = java.nio.file.Files.createDirectories(tmp.resolve("in"));
        java.nio.file.Path outside = java.nio.file.Files.createDirectories(tmp.resolve("out"));
        java.nio.file.Files.writeString(outside.resolve("x.mjs"), "export const x = 1;\n");
        try (Scripts s = Scripts.open(inside, inside)) {
            ScriptError e = assertThrows(ScriptError.class, () -> s.sandbox.eval(
                    "import { x } from '" + outside.resolve("x.mjs") + "'; print(x);", "m.mjs"));
            assertEquals("SecurityError", e.errorName(), e.getMessage());
            assertFalse(e.getMessage().contains("dev.backprop"), e.getMessage());
        }
    }
}
