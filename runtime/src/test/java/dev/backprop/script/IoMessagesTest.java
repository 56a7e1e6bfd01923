package dev.backprop.script;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File errors say what went wrong: a missing folder on save, and what to use instead of load(). */
class IoMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void savingIntoAMissingFolderSaysSo() {
        try (Scripts s = Scripts.open(tmp, tmp)) {
            s.eval("""
                let msg = 'none';
                try { nn.toy().save('no/such/dir/x.json'); } catch (e) { msg = e.name + ': ' + e.message; }
                assert(msg.startsWith('IOError: cannot write no/such/dir/x.json: the folder ') && msg.includes('does not exist')
                  && msg.includes('create it first') && !msg.includes('cannot read'), msg);
                """);
        }
    }

    @Test
    void loadNamesTheRightReplacements() {
        try (Scripts s = Scripts.open(tmp, tmp)) {
            s.eval("""
                let msg = 'none';
                try { load('pw.csv'); } catch (e) { msg = e.name + ': ' + e.message; }
                assert(msg.startsWith('SecurityError') && !msg.includes('URL') && msg.includes('nn.data.csv')
                  && msg.includes('nn.load') && msg.includes('.mjs'), msg);
                """);
        }
    }
}
