package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Access hook: asked only at the point of refusal, with the kind and path; its answer decides. */
class AccessTest {
    @Test
    void askedOnlyOutsideTheRootsAndItsAnswerDecides(@TempDir Path scripts, @TempDir Path out, @TempDir Path data,
            @TempDir Path elsewhere) throws Exception {
        Files.writeString(scripts.resolve("in.csv"), "a,y\n1,0\n");
        Files.writeString(data.resolve("granted.csv"), "a,y\n1,0\n2,1\n");
        Files.writeString(elsewhere.resolve("refused.csv"), "a,y\n1,0\n");
        List<String> asked = new ArrayList<>();
        Access access = (kind, path) -> {
            asked.add(kind + " " + path);
            return path.startsWith(data) || kind == Access.Kind.WRITE && path.startsWith(elsewhere);
        };
        var printed = new ByteArrayOutputStream();
        try (Sandbox s = Sandbox.builder().readRoot(scripts).writeRoot(out).access(access).out(printed).build()) {
            s.eval("""
                function errName(f) { try { f(); return 'none'; } catch (e) { return e.name; } }
                print(nn.data.csv('in.csv').size);
                print(nn.data.csv('%s').size);
                print(errName(() => nn.data.csv('%s')));
                nn.toy().save('inside.json');
                nn.toy().save('%s');
                """.formatted(data.resolve("granted.csv"), elsewhere.resolve("refused.csv"),
                    elsewhere.resolve("m.json")), "a.js");
        }
        assertEquals("1\n2\nSecurityError\n", printed.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("READ " + data.resolve("granted.csv"), "READ " + elsewhere.resolve("refused.csv"),
                "WRITE " + elsewhere.resolve("m.json")), asked);
        assertTrue(Files.exists(elsewhere.resolve("m.json")), "the granted write happened");
    }

    @Test
    void theEmbeddingDefaultRefusesAndNamesTheFlagAndTheBuilderCall(@TempDir Path scripts, @TempDir Path other)
            throws Exception {
        Files.writeString(other.resolve("x.csv"), "a,y\n1,0\n");
        var printed = new ByteArrayOutputStream();
        try (Sandbox s = Sandbox.builder().readRoot(scripts).out(printed).build()) {
            s.eval("try { nn.data.csv('" + other.resolve("x.csv") + "') } catch (e) { print(e.message) }", "b.js");
        }
        String message = printed.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("--read-root DIR (alias --allow-read; SandboxBuilder.readRoot in Java)"), message);
    }

    /**
     * fit's progress bar and the script's prints never share a line: rendered as a terminal would
     * (\r to column 0, ESC[K erases the rest), each onEpoch line stands alone. onEpoch waits 150 ms after
     * printing, so the bar (redrawn at most every 100 ms) is on the screen when the next epoch's line comes.
     */
    @Test
    void fitsBarNeverSharesALineWithThePrints() throws Exception {
        var screen = new ByteArrayOutputStream();
        try (Sandbox s = Sandbox.builder().out(screen).err(screen).terminal(true).timeLimit(null).build()) {
            s.eval("""
                const xs = [], ys = [];
                for (let i = 0; i < 2000; i++) { xs.push([i % 7 / 7, i % 3 / 3]); ys.push([(i % 2) * 0.5]); }
                const net = nn.net([2, 8, 1], { seed: 1 });
                net.fit(nn.data.of(xs, ys), { epochs: 4, batchSize: 10, lr: 0.1, onEpoch: (e) => {
                  print('epoch-' + e + '-done');
                  const t = Date.now(); while (Date.now() - t < 150) {}
                } });
                """, "fit.js");
        }
        String raw = screen.toString(StandardCharsets.UTF_8);
        assertTrue(raw.contains("batch "), "the bar was drawn: " + raw);
        List<String> lines = render(raw);
        for (int e = 1; e <= 4; e++) {
            String mark = "epoch-" + e + "-done";
            assertTrue(lines.contains(mark), mark + " on a line of its own: " + lines);
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains("done") && l.contains("batch")), lines.toString());
        assertEquals("", lines.get(lines.size() - 1), "fit leaves no bar behind: " + lines);
    }

    /** The lines a terminal shows for text with \r, \n and ESC[K. */
    static List<String> render(String raw) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (raw.startsWith("\u001b[K", i)) {
                line.setLength(col);
                i += 2;
            } else if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                col = 0;
            } else {
                if (col < line.length()) {
                    line.setCharAt(col, c);
                } else {
                    line.append(c);
                }
                col++;
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
