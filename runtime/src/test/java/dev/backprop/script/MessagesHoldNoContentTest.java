package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No file content ever appears in an error message: damaged files holding a secret, read with
 * nn.load, nn.data.csv and nn.data.idx, give messages that say where the file is damaged (line,
 * column, field) and never the secret.
 */
class MessagesHoldNoContentTest {
    static final String SECRET = "Zq7secretToken";

    @TempDir
    Path dir;

    /** Each damaged file and the call that reads it. */
    private static final List<String[]> CASES = List.of(
            new String[] {"plain.json", SECRET + "\n", "nn.load"},
            new String[] {"word.json", "{\"format\": " + SECRET + "}", "nn.load"},
            new String[] {"format.json", "{\"format\": \"" + SECRET + "\", \"version\": 1}", "nn.load"},
            new String[] {"key.json", "{\"format\": \"backprop-sandbox-network\", \"version\": 1, \"" + SECRET
                    + "\": 1}", "nn.load"},
            new String[] {"loss.json", "{\"format\": \"backprop-sandbox-network\", \"version\": 1, \"loss\": \""
                    + SECRET + "\", \"layers\": []}", "nn.load"},
            new String[] {"weight.json", "{\"format\": \"backprop-sandbox-network\", \"version\": 1, \"loss\":"
                    + " \"mse\", \"layers\": [{\"inputs\": 1, \"outputs\": 1, \"activation\": \"sigmoid\", \"W\": [\""
                    + SECRET + "\"], \"b\": [0]}]}", "nn.load"},
            new String[] {"escape.json", "{\"format\": \"\\q" + SECRET + "\"}", "nn.load"},
            new String[] {"control.json", "{\"format\": \"" + SECRET + "\n\"}", "nn.load"},
            new String[] {"cell.csv", "a,b,y\n1," + SECRET + ",0\n", "nn.data.csv"},
            new String[] {"header.csv", SECRET + ",y\n", "nn.data.csv"},
            new String[] {"quote.csv", "a,y\n1,0\n\"" + SECRET + ",1\n", "nn.data.csv"},
            new String[] {"afterquote.csv", "a,y\n\"1\"" + SECRET + ",0\n", "nn.data.csv"},
            new String[] {"mixed.csv", "a,y\n1,0\n2," + SECRET + "\n", "nn.data.csv"},
            new String[] {"huge.csv", "a,y\n1e999" + SECRET.replaceAll("[a-zA-Z]", "9") + ",0\n", "nn.data.csv"},
            new String[] {"images.idx", SECRET, "nn.data.idx"});

    @Test
    void damagedFilesHoldingASecretNeverShowIt() throws Exception {
        Path labels = dir.resolve("labels.idx");
        Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 0});
        Files.writeString(dir.resolve("target.csv"), SECRET + ",other\n1,2\n");
        StringBuilder js = new StringBuilder("""
                function report(f) {
                  try { f(); print('read'); } catch (e) { print(e.name + ': ' + e.message); }
                }
                """);
        for (String[] c : CASES) {
            Files.writeString(dir.resolve(c[0]), c[1], StandardCharsets.UTF_8);
            js.append(switch (c[2]) {
                case "nn.data.idx" -> "report(() => nn.data.idx('" + c[0] + "', 'labels.idx'));\n";
                default -> "report(() => " + c[2] + "('" + c[0] + "'));\n";
            });
        }
        js.append("report(() => nn.data.csv('target.csv', { target: 'label' }));\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox s = Sandbox.builder().readRoot(dir).out(out).err(out).build()) {
            s.eval(js.toString(), "secrets.js");
        }
        String all = out.toString(StandardCharsets.UTF_8);
        String[] lines = all.split("\n");
        assertEquals(CASES.size() + 1, lines.length, all);
        for (String line : lines) {
            assertTrue(line.startsWith("FormatError: ") || line.startsWith("LimitError: "), line);
        }
        // the secret, and any 5-character piece of it, is in no message
        for (int i = 0; i + 5 <= SECRET.length(); i++) {
            assertFalse(all.contains(SECRET.substring(i, i + 5)), "content in a message:\n" + all);
        }
        assertTrue(all.contains("cell.csv: line 2, column 2"), "a CSV message says where:\n" + all);
        assertTrue(all.contains("weight.json (line 1, column "), "a JSON message says where:\n" + all);
        assertTrue(all.contains("layers[0].W[0] must be a number"), "and which field:\n" + all);
    }
}
