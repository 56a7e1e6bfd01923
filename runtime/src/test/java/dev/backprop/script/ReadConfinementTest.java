package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads stay inside the read roots; the write root is readable only for files the sandbox wrote itself. */
class ReadConfinementTest {
    @Test
    void theWriteRootIsNotReadableButWhatTheSandboxSavedIs(@TempDir Path scripts, @TempDir Path home) throws Exception {
        Files.writeString(home.resolve("secret.csv"), "a,b\n1,2\n");
        Files.writeString(home.resolve("secret.mjs"), "export const s = 1;\n");
        Files.writeString(scripts.resolve("ok.csv"), "a,y\n1,0\n2,1\n");
        try (Scripts s = Scripts.open(scripts, home)) {
            s.eval(Scripts.ERR_NAME + """
                const r1 = errName(() => nn.data.csv('secret.csv'));
                const r2 = errName(() => nn.data.csv('%1$s'));
                // relative: looked up in the script's folder only (the write root only for files this sandbox wrote)
                assert(r1.startsWith('IOError') && r1.includes('no such file') && r1.includes('%2$s'), r1);
                assert(r2.startsWith('SecurityError') && r2.includes('%2$s') && r2.includes('--read-root'), r2);
                // inside the read root: fine
                assert(nn.data.csv('ok.csv').size === 2);
                // what the sandbox saved in the write root reads back
                const net = nn.toy();
                net.save('m.json');
                const back = nn.load('m.json');
                assertClose(back.params()[0].value, net.params()[0].value, 0);
                """.formatted(home.resolve("secret.csv"), scripts));
            ScriptError e = null;
            try {
                s.sandbox.eval("import('" + home.resolve("secret.mjs") + "').then(m => print('read', m.s),"
                        + " e => print(e.name + ': ' + e.message));", "imp.js");
            } catch (ScriptError x) {
                e = x;
            }
            String all = s.out() + (e == null ? "" : e.getMessage());
            assertTrue(all.contains("outside the sandbox's read roots") && !all.contains("read 1"), all);
        }
    }
}
